// Event-coding behaviours on whole sentences and short articles written for the project:
// each test is one mechanism of the coder (src/events/), seen through Engine::Analyze.
#include <gtest/gtest.h>

#include "include/hadath/engine.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

using testing::AnalyzeText;
using testing::Coded;

// A verb phrase whose last word is its object's name («استدعى السفير», «نشر قوات») is coded
// at the verb, in either word order and in reported speech; the object is the target.
TEST(Coder, SummoningAnAmbassadorInAnyWordOrder) {
  EXPECT_TRUE(Coded(AnalyzeText("استدعت النرويج السفير الإيراني في أوسلو.", "2025-01-08"), "11", "NOR", "IRN"));
  EXPECT_TRUE(Coded(AnalyzeText("النرويج تستدعي السفير الإيراني", "2025-01-08"), "11", "NOR", "IRN"));
  EXPECT_TRUE(Coded(AnalyzeText("وقال وزير الخارجية النرويجي إن بلاده استدعت السفير الإيراني.", "2025-01-08"), "11",
                    "NOR", "IRN"));
  // («يستدعي» alone means "requires": no event.)
  EXPECT_TRUE(AnalyzeText("وقال الوزير إن الوضع يستدعي الحذر.", "2025-01-08").events.empty());
}

// A name after a role and its country is that office-holder's, even when its words are
// given names or ordinary words («عرفان علي»); «بلاده» is then his country. «علي» is not
// learned alone as his surname: «اتفقا على» stays a preposition.
TEST(Coder, UnknownOfficeHolderNamedWithGivenNames) {
  Analysis a = AnalyzeText(
      "وقال رئيس غيانا عرفان علي إن بلاده استدعت السفير الفنزويلي. واتفق البلدان على عقد اجتماع.", "2025-04-08");
  const Entity* ali = nullptr;
  for (const Entity& e : a.entities)
    if (e.span.text == "عرفان علي") ali = &e;
  ASSERT_NE(ali, nullptr);
  ASSERT_TRUE(ali->actor.has_value());
  EXPECT_EQ(ali->actor->code, "GUYGOV");
  for (const Entity& e : a.entities) EXPECT_NE(e.span.text, "على");
  EXPECT_TRUE(Coded(a, "11", "GUY", "VEN"));
}

// Protests, arrests and fighting that name no one they are aimed at are domestic: aimed at
// the state where they happen (the place in the clause, else the dateline's state).
TEST(Coder, UnaimedProtestsAndCoercionAreDomestic) {
  Analysis a = AnalyzeText(
      "كراتشي (رويترز) - تظاهر آلاف الطلاب في مدينة لاهور اليوم الأحد. واعتقلت الشرطة 40 شخصاً.", "2025-03-02");
  EXPECT_TRUE(Coded(a, "14", "PAK", "PAK"));
  EXPECT_TRUE(Coded(a, "17", "PAK", "PAK"));
  // A force used abroad keeps its target, and its instrument is no second, domestic event.
  Analysis b = AnalyzeText("قصفت القوات الروسية مدينة خاركيف بالصواريخ صباح اليوم.", "2024-05-20");
  EXPECT_TRUE(Coded(b, "19", "RUS", "UKR"));
  EXPECT_FALSE(Coded(b, "19", "RUS", "RUS"));
}

// A street named after a state is neither that state nor in it.
TEST(Coder, AStreetNamedAfterAStateIsNoActor) {
  Analysis a = AnalyzeText("البصرة (رويترز) - تظاهر مئات الشبان في شارع الجزائر وسط المدينة احتجاجاً على انقطاع الكهرباء.",
                           "2024-07-21");
  for (const Entity& e : a.entities)
    if (e.actor) EXPECT_NE(e.actor->country, "DZA") << e.span.text;
  for (const Event& e : a.events) {
    if (e.source) EXPECT_NE(e.source->actor.country, "DZA");
    if (e.target) EXPECT_NE(e.target->actor.country, "DZA");
  }
}

// People expelled are of the state their adjectives or their workplace name; the state that
// decides the expulsion is its source, though «قرر» tells no event itself.
TEST(Coder, ExpelledStaffAreOfTheirStateAndTheDeciderExpels) {
  EXPECT_TRUE(Coded(AnalyzeText("تونس تطرد خمسة موظفين قنصليين إيطاليين", "2025-05-14"), "17", "TUN", "ITA"));
  EXPECT_TRUE(Coded(AnalyzeText("قررت تونس، اليوم الأربعاء، طرد خمسة موظفين يعملون في القنصليات الإيطالية.", "2025-05-14"),
                    "17", "TUN", "ITA"));
}

// A state body named bare is the dateline's state («نيروبي، 18 يونيو (د ب أ) -» too); with
// no dateline it is nobody's, and no event stands on it alone.
TEST(Coder, BareStateBodiesAreTheDatelinesState) {
  EXPECT_TRUE(Coded(AnalyzeText("بانكوك، 19 يونيو/حزيران (د ب أ) - استدعت وزارة الخارجية السفير الكمبودي اليوم.",
                                "2025-06-19"),
                    "11", "THA", "KHM"));
  Analysis a = AnalyzeText("وقال: «الحكومة حولت هذا البلد إلى ميدان قتل».", "2025-06-19");
  for (const Event& e : a.events) EXPECT_TRUE(e.source || e.target) << e.cameo;
}

// A rank between a role and an unknown name, and a name the segmenter would split at its
// «و», still name the office-holder.
TEST(Coder, RankedAndWawInitialNamesAfterARole) {
  Analysis a = AnalyzeText("وقال المتحدث باسم الجيش التايلاندي اللواء وينثاي سوفاري إن القوات ردت.", "2025-06-19");
  bool named = false;
  for (const Entity& e : a.entities) named |= e.span.text == "وينثاي سوفاري" && e.actor && e.actor->code == "THAMIL";
  EXPECT_TRUE(named);
}

// A quote the sentence's own verb carries is its subject's words; «لمن يقتل» is whoever
// would kill, no killing.
TEST(Coder, AQuoteWithoutAVerbOfSayingIsTheSubjects) {
  Analysis a = AnalyzeText(
      "كوالالمبور (رويترز) - ودعا رئيس الوزراء الماليزي أنور إبراهيم بانكوك وبنوم بنه إلى \"وقف فوري لإطلاق النار وضبط "
      "النفس\".",
      "2025-06-19");
  ASSERT_EQ(a.quotes.size(), 1u);
  const Entity* speaker = nullptr;
  for (const Entity& e : a.entities)
    if (e.id == a.quotes[0].speaker) speaker = &e;
  ASSERT_NE(speaker, nullptr);
  EXPECT_EQ(speaker->canonical, "Anwar Ibrahim");
  Analysis b = AnalyzeText("وقال زعيم الجماعة: «نعلن عن جائزة لمن يقتل هذا الرجل».", "2025-06-19");
  for (const Event& e : b.events) EXPECT_NE(e.root, "19");
}

// Recalling one's own ambassador (the possessive) is reducing relations (16), told by a
// verbal noun a speaker's country decided or by a verb with an adverb before its object.
TEST(Coder, RecallingOnesOwnAmbassador) {
  EXPECT_TRUE(Coded(AnalyzeText("وقال وزير الخارجية التايلاندي إن بلاده قررت استدعاء سفيرها لدى بنوم بنه.", "2025-06-19"),
                    "16", "THA", "KHM"));
  EXPECT_TRUE(Coded(AnalyzeText("وأعلنت الحكومة الكمبودية أنها استدعت بدورها سفيرها لدى تايلاند.", "2025-06-19"), "16",
                    "KHM", "THA"));
}

// A warplane, drone or tank with its nationality acts for that state's forces, before or
// after its verb, with «قد», a time and a count of strikes between.
TEST(Coder, WarplanesWithTheirNationalityAreTheirForces) {
  EXPECT_TRUE(Coded(AnalyzeText("شنت طائرات حربية إسرائيلية غارات على منشأة قرب أصفهان.", "2025-11-18"), "19", "ISR",
                    "IRN"));
  EXPECT_TRUE(Coded(AnalyzeText("وكانت طائرات حربية إسرائيلية قد شنت ليل الأحد سلسلة غارات على منشأة قرب أصفهان.",
                                "2025-11-18"),
                    "19", "ISR", "IRN"));
  EXPECT_TRUE(Coded(AnalyzeText("وكانت مسيرات تركية قد قصفت مواقع قرب حلب.", "2025-11-18"), "19", "TUR", "SYR"));
  // A batch of missiles fired at a state, a time between.
  EXPECT_TRUE(Coded(AnalyzeText("أطلقت إيران فجر اليوم الثلاثاء دفعات من الصواريخ الباليستية باتجاه إسرائيل.",
                                "2025-11-18"),
                    "19", "IRN", "ISR"));
  // (A missile is no actor: «صواريخ إيرانية» fired is the event.)
  EXPECT_TRUE(Coded(AnalyzeText("سقطت صواريخ إيرانية على حيفا.", "2025-11-18"), "19", "IRN", "ISR"));
}

// «كل من X وY وZ» lists the subjects: each acts.
TEST(Coder, KullMinListsTheSubjects) {
  Analysis a = AnalyzeText("وأدانت كل من السعودية وقطر والإمارات الغارات الإسرائيلية على الأراضي الإيرانية.", "2025-11-18");
  for (const char* c : {"SAU", "QAT", "ARE"}) EXPECT_TRUE(Coded(a, "11", c, "ISR")) << c;
  EXPECT_TRUE(Coded(AnalyzeText("ووقعت كل من مصر والأردن اتفاقاً للربط الكهربائي.", "2025-11-18"), "05", "EGY", "JOR"));
  // (An object in the accusative no row lists: «إعلاناً».)
  EXPECT_TRUE(Coded(AnalyzeText("ووقعت كل من مصر والأردن إعلاناً مشتركاً.", "2025-11-18"), "05", "EGY", "JOR"));
}

// Two states that fought a war are its two sides, dated by the month told between.
TEST(Coder, FoughtAWar) {
  Analysis a = AnalyzeText("وكانت إسرائيل وإيران قد خاضتا في يونيو الماضي حرباً استمرت 12 يوماً.", "2025-11-18");
  ASSERT_TRUE(Coded(a, "19", "ISR", "IRN"));
  EXPECT_EQ(a.events[0].date ? a.events[0].date->value : "", "2025-06");
}

// A background signing told with «وكانت X وY قد وقّعتا في مكان، في تاريخ، اتفاقاً»: the two
// states (a name with its descriptor, «الكونغو الديمقراطية», is one) sign with each other.
TEST(Coder, BackgroundSigningPastPlaceAndDate) {
  Analysis a = AnalyzeText("وكانت الكونغو الديمقراطية ورواندا قد وقّعتا في واشنطن، في 27 حزيران/يونيو 2025، اتفاق سلام.",
                           "2025-09-18");
  ASSERT_TRUE(Coded(a, "05", "COD", "RWA"));
  EXPECT_EQ(a.events[0].date ? a.events[0].date->value : "", "2025-06-27");
  EXPECT_FALSE(Coded(a, "05", "RWA", "USA"));
}

// What a threat threatens is no event of its own: it gives the threat its kind and target.
TEST(Coder, AThreatensContentIsNoEvent) {
  Analysis a = AnalyzeText("وكان الرئيس الأمريكي قد هدد في شباط الماضي بفرض رسوم جمركية على الواردات المكسيكية.",
                           "2025-06-12");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "1312");
  EXPECT_TRUE(Coded(a, "13", "USA", "MEX"));
  EXPECT_FALSE(Coded(a, "16", "USA", "MEX"));
  // A warning whose content stands further on, every warner threatens its target.
  Analysis b = AnalyzeText("وفي بيان مشترك، حذّرت فرنسا وألمانيا وبريطانيا من أنها ستلجأ إلى آلية \"العودة السريعة\" "
                           "لإعادة فرض عقوبات الأمم المتحدة على طهران.",
                           "2024-09-11");
  for (const char* c : {"FRA", "DEU", "GBR"}) EXPECT_TRUE(Coded(b, "13", c, "IRN")) << c;
  EXPECT_FALSE(Coded(b, "16", "IGO", "IRN"));
}

// A call to one's counterpart («بنظيره الكويتي») is to that state; a delegation named by
// an adjective of its trade or in the accusative («وفد فني تركي», «وفداً عمانياً») is its
// state's.
TEST(Coder, CounterpartsAndDelegations) {
  EXPECT_TRUE(Coded(AnalyzeText("وأجرى وزير الخارجية العراقي فؤاد حسين اتصالاً هاتفياً بنظيره الكويتي.", "2025-04-14"),
                    "04", "IRQ", "KWT"));
  EXPECT_TRUE(Coded(AnalyzeText("وسيزور وفد فني تركي بغداد الأسبوع المقبل.", "2025-10-22"), "04", "TUR", "IRQ"));
  EXPECT_TRUE(Coded(AnalyzeText("وأفاد مصدر بأن وفداً عُمانياً قد يزور صنعاء قريباً.", "2025-10-09"), "04", "OMN", "YEM"));
  // («روسيا» stays Russia, not an accusative «روسيّاً».)
  EXPECT_TRUE(Coded(AnalyzeText("زار الرئيس التركي روسيا أمس.", "2025-10-09"), "04", "TUR", "RUS"));
}

// A violation named without its violator is the speaker's judgement of another act, not an
// act of the speaker's; a subject in quote marks before its verb is still its subject.
TEST(Coder, AViolationNamedIsAJudgement) {
  Analysis a = AnalyzeText(
      "أدانت وزارة الخارجية السورية توغل قوة إسرائيلية، ووصفته بأنه \"انتهاك صارخ لسيادة سوريا\".", "2025-04-10");
  EXPECT_TRUE(Coded(a, "11", "SYR", "ISR"));
  for (const Event& e : a.events) EXPECT_NE(e.root, "12") << e.trigger.text;
  EXPECT_TRUE(Coded(AnalyzeText("وقال المتحدث باسم الخارجية الصينية إن مانيلا \"تنتهك باستمرار سيادة الصين\".",
                                "2025-04-10"),
                    "12", "PHL", "CHN"));
}

// A meeting told as done, a word of praise or a rejection with no one on the other side is
// half an event and is not coded; a refusal to yield is (124); welcoming an act told before
// welcomes its makers.
TEST(Coder, HalfDyadsAndWelcomedActs) {
  Analysis a = AnalyzeText("وأدان الرئيس الكوري الجنوبي الإطلاق خلال اجتماع طارئ لمجلس الأمن القومي.", "2025-09-18");
  for (const Event& e : a.events) EXPECT_NE(e.root, "04") << e.trigger.text;
  Analysis b = AnalyzeText("وقال عراقجي إن بلاده \"لن ترضخ للضغوط\".", "2025-09-18");
  EXPECT_TRUE(Coded(b, "12", "IRN", ""));
  ASSERT_FALSE(b.events.empty());
  EXPECT_EQ(b.events[0].cameo, "124");
  Analysis c = AnalyzeText("أعلنت أرمينيا وأذربيجان وقف إطلاق النار. ورحّب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالإعلان.",
                           "2022-05-19");
  EXPECT_TRUE(Coded(c, "05", "IGO", "ARM"));
  EXPECT_TRUE(Coded(c, "05", "IGO", "AZE"));
}

// A visit's arrival and departure told in one sentence with their own dates are two events.
TEST(Coder, ArrivalAndDepartureInOneSentence) {
  Analysis a = AnalyzeText("وصل الرئيس الفرنسي إلى الجزائر في 3 أيار/مايو، وغادر الجزائر في 6 أيار/مايو.", "2024-05-15");
  int visits = 0;
  for (const Event& e : a.events)
    if (e.cameo == "042" && e.source && e.source->actor.country == "FRA" && e.target &&
        e.target->actor.country == "DZA")
      ++visits;
  EXPECT_EQ(visits, 2);
}

// A participle after a main verb that is no event («ووصف … القرار بأنه …») has that verb's
// subject; a gapped phrase goes on past where it was said, between commas.
TEST(Coder, ParticiplesAndInsertions) {
  EXPECT_TRUE(Coded(AnalyzeText("ووصف وزير الخارجية الجزائري أحمد عطاف القرار بأنه \"تصعيد خطير\"، متهماً وزير الداخلية "
                                "الفرنسي برونو روتايو بـ\"الوقوف وراء حملة ممنهجة\".",
                                "2025-05-12"),
                    "11", "DZA", "FRA"));
  EXPECT_TRUE(Coded(AnalyzeText("وحمّلت الرئاسة الفلسطينية، في بيان، الحكومة الإسرائيلية \"المسؤولية الكاملة\" عن الهجوم.",
                                "2025-07-08"),
                    "11", "PSE", "ISR"));
}

// «أوقف» arrests people and stops anything else; «مطالب» (demands, a plural noun) tells no
// act of demanding.
TEST(Coder, ArrestedOrStopped) {
  EXPECT_TRUE(Coded(AnalyzeText("الرباط - \"ماب\": أفادت وزارة الداخلية بأن القوات العمومية أوقفت 312 شخصاً في عدة مدن.",
                                "2025-10-02"),
                    "17", "MAR", "MAR"));
  for (const Event& e : AnalyzeText("أوقفت الحكومة الدعم المالي للمنظمة.", "2025-10-02").events) EXPECT_NE(e.root, "17");
  for (const Event& e : AnalyzeText("الرباط - \"ماب\": أعلنت الحكومة تفاعلها مع مطالب الشباب.", "2025-10-02").events)
    EXPECT_NE(e.root, "10");
}

// A dual subject is the two sides the text named last: «البلدان» two states, «الوزيران» the
// last two ministers (not the city they met in, nor a spokeswoman named between).
TEST(Coder, DualSubjectsAreTheLastPairNamed) {
  Analysis a = AnalyzeText(
      "التقى وزير الخارجية الأرميني أرارات ميرزويان نظيره الأذربيجاني جيهون بيرموف في جنيف. وعرضت روسيا، على لسان "
      "المتحدثة باسم وزارة خارجيتها ماريا زاخاروفا، استضافة الجولة المقبلة. ومن المقرر أن يلتقي الوزيران مجدداً الشهر "
      "المقبل. واتفق البلدان على مواصلة المحادثات.",
      "2025-04-10");
  int future_meetings = 0;
  for (const Event& e : a.events)
    if (e.root == "04" && e.modality == "future") {
      ++future_meetings;
      ASSERT_TRUE(e.source && e.target);
      EXPECT_NE(e.source->actor.country, "RUS");
      EXPECT_NE(e.target->actor.country, "RUS");
      EXPECT_NE(e.target->actor.country, "CHE");
    }
  EXPECT_EQ(future_meetings, 1);
  EXPECT_TRUE(Coded(a, "03", "ARM", "AZE") || Coded(a, "03", "AZE", "ARM"));
}

// Two named actors of one code are two sides (the army and the Rapid Support Forces, both
// SDNMIL); a subject may stand before «من جانبها» and its verb.
TEST(Coder, TwoActorsOfOneCodeAreTwoSides) {
  Analysis a = AnalyzeText("الخرطوم (رويترز) - واندلعت الحرب بين الجيش وقوات الدعم السريع في 15 أبريل 2023.", "2024-05-14");
  EXPECT_TRUE(Coded(a, "19", "SDN", "SDN"));
  Analysis b = AnalyzeText("وإيران من جانبها رفضت الاتهامات الأمريكية.", "2024-05-14");
  EXPECT_TRUE(Coded(b, "12", "IRN", "USA"));
}

// Protest as the motive of an act told before it («للاحتجاج على», «احتجاجاً على») is that
// act's reason, no demonstration; a demonstration told by its verb keeps it.
TEST(Coder, ProtestAsAMotive) {
  Analysis a = AnalyzeText("استدعت وزارة الخارجية البنغلادشية، أمس السبت، سفير ميانمار للاحتجاج على القصف.", "2025-03-09");
  EXPECT_TRUE(Coded(a, "11", "BGD", "MMR"));
  for (const Event& e : a.events) EXPECT_NE(e.root, "14");
  EXPECT_TRUE(Coded(AnalyzeText("كراتشي (رويترز) - تظاهر آلاف الطلاب في لاهور احتجاجاً على رفع الأسعار.", "2025-03-09"), "14",
                    "PAK", "PAK"));
}

// An arrest told in the passive with no agent is by the authorities of the dateline's
// state; dispersing protesters is repression (175), told by a verb or a verbal noun.
TEST(Coder, PassiveArrestsAndDispersals) {
  Analysis a = AnalyzeText(
      "تونس - \"وات\": وقامت وحدات الأمن بتفريق المحتجين باستعمال الغاز المسيل للدموع، واعتُقل سبعة أساتذة.", "2025-11-20");
  EXPECT_TRUE(Coded(a, "17", "TUN", "TUN"));
  bool dispersal = false;
  for (const Event& e : a.events) dispersal |= e.cameo == "175";
  EXPECT_TRUE(dispersal);
  EXPECT_TRUE(Coded(AnalyzeText("تونس - \"وات\": وفرقت الشرطة المحتجين أمام البرلمان.", "2025-11-20"), "17", "TUN", "TUN"));
}

}  // namespace
}  // namespace hadath
