// End-to-end behaviours of Engine::Analyze on sentences written for the project.
#include "include/hadath/engine.h"

#include <gtest/gtest.h>

#include <set>

#include "src/read/reader.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

using testing::AnalyzeText;
using testing::Coded;

const Entity* FindEntity(const Analysis& a, const std::string& canonical) {
  for (const Entity& e : a.entities)
    if (e.canonical == canonical) return &e;
  return nullptr;
}

TEST(Engine, KnownPersonWithRoleAndCountry) {
  Analysis a = AnalyzeText("وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت بناءة.");
  const Entity* e = FindEntity(a, "Sergei Lavrov");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "PER");
  ASSERT_TRUE(e->actor);
  EXPECT_EQ(e->actor->country, "RUS");
}

TEST(Engine, AppositionTeachesAnUnknownNameAndSurnameRefersBack) {
  Analysis a = AnalyzeText("وأعلن وزير الخارجية الإستوني أورماس راينسالو أن بلاده تدعم الحوار. "
                           "وأضاف راينسالو أن الاجتماع سيعقد في تالين.");
  const Entity* first = nullptr;
  for (const Entity& e : a.entities)
    if (e.learned && e.ref.empty()) first = &e;
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(first->actor);
  EXPECT_EQ(first->actor->code, "ESTGOV");
  EXPECT_EQ(first->span.text, "أورماس راينسالو");
  bool surname_ref = false;
  for (const Entity& e : a.entities)
    if (e.span.text == "راينسالو" && e.ref == first->id) surname_ref = true;
  EXPECT_TRUE(surname_ref);
}

TEST(Engine, VisitCodedWithSourceTargetAndDate) {
  Analysis a = AnalyzeText("زار الرئيس الروسي فلاديمير بوتين الصين في آذار/مارس الماضي.");
  bool found = false;
  for (const Event& e : a.events) {
    if (e.root != "04" || !e.source || !e.target) continue;
    found = e.source->actor.country == "RUS" && e.target->actor.country == "CHN" && e.date &&
            e.date->value == "2024-03";
  }
  EXPECT_TRUE(found);
}

TEST(Engine, RefusalIsCodedAsRejectionNotAcceptance) {
  Analysis a = AnalyzeText("وقال لافروف: \"نحن لا نقبل هذه الشروط التي وضعتها واشنطن\".");
  bool reject = false, accept = false;
  for (const Event& e : a.events) {
    reject |= e.root == "12";
    accept |= e.root == "08";
  }
  EXPECT_TRUE(reject);
  EXPECT_FALSE(accept);
}

TEST(Engine, FutureAndPossibleMeetingsAreNotFacts) {
  Analysis a = AnalyzeText("وقد يجري الرئيس الروسي فلاديمير بوتين محادثات مع الرئيس الصيني شي جين بينغ.");
  bool possible = false;
  for (const Event& e : a.events)
    if (e.root == "04") possible |= e.modality == "possible";
  EXPECT_TRUE(possible);
  Analysis b = AnalyzeText("وسيزور الرئيس الروسي فلاديمير بوتين الصين.");
  bool future = false;
  for (const Event& e : b.events)
    if (e.root == "04") future |= e.modality == "future";
  EXPECT_TRUE(future);
}

TEST(Engine, DirectQuoteAttributedToSpeaker) {
  Analysis a = AnalyzeText("وقال لافروف للصحافيين: \"سنواصل الحوار مع جميع الأطراف المعنية\".");
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_FALSE(a.quotes[0].speaker.empty());
  for (const Entity& e : a.entities)
    if (e.id == a.quotes[0].speaker) {
      EXPECT_EQ(e.canonical, "Sergei Lavrov");
    }
}

TEST(Engine, CaptionsAndRelatedLinksProduceNoEvents) {
  auto d = ReadTxt("x.txt",
                   "عنوان الخبر\n\nنص الخبر الأول.\n  •  زار الرئيس الروسي فلاديمير بوتين الصين\n"
                   "اقرأ أيضاً: زار الرئيس الروسي فلاديمير بوتين الصين\n");
  ASSERT_TRUE(d.ok());
  auto r = testing::TestEngine().Analyze(d.value());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().events.empty());
  auto body = ReadTxt("y.txt", "عنوان الخبر\n\nزار الرئيس الروسي فلاديمير بوتين الصين.\n");
  ASSERT_TRUE(body.ok());
  EXPECT_FALSE(testing::TestEngine().Analyze(body.value()).value().events.empty());
}

TEST(Engine, OffsetsPointIntoTheOriginalText) {
  Analysis a = AnalyzeText("وأكّدَ وزيرُ الخارجيةِ الروسيُّ سيرغي لافروف أنّ موسكو ستواصل المحادثات.");
  ASSERT_FALSE(a.entities.empty());
  for (const Entity& e : a.entities) EXPECT_FALSE(e.span.text.empty());
}

TEST(Engine, RoleOnlyMentionResolvesToTheHolderOnThePublicationDate) {
  Analysis a = AnalyzeText("وقال الرئيس الصيني إن العلاقات قوية.", "2023-09-20");
  bool xi = false;
  for (const Entity& e : a.nominals) xi |= e.canonical == "Xi Jinping";
  for (const Entity& e : a.entities) EXPECT_NE(e.span.text, "الرئيس الصيني");  // a description, no name
  EXPECT_TRUE(xi);
  Analysis b = AnalyzeText("وقال الرئيس الصيني إن العلاقات قوية.", "2010-05-01");
  bool hu = false;
  for (const Entity& e : b.nominals) hu |= e.canonical == "Hu Jintao";
  EXPECT_TRUE(hu);
}

TEST(Engine, CounterpartResolvesToTheSameRoleInTheNamedCountry) {
  Analysis a = AnalyzeText("بحث الرئيس التركي رجب طيب أردوغان مع نظيره الروسي الوضع في سوريا.",
                           "2019-09-10");
  bool putin = false;
  for (const Entity& e : a.nominals)
    if (e.span.text == "نظيره الروسي") putin = e.canonical == "Vladimir Putin";
  EXPECT_TRUE(putin);
}

TEST(Engine, WhatAnAppealAsksForIsNoEvent) {
  Analysis a = AnalyzeText("ودعت وزيرة الخارجية الألمانية مراراً إلى تشديد العقوبات على إيران.", "2023-02-13");
  bool appeal = false, sanction = false;
  for (const Event& e : a.events) {
    appeal |= e.root == "02" || e.root == "10";
    sanction |= e.root == "16";
  }
  EXPECT_TRUE(appeal);
  EXPECT_FALSE(sanction);
}

TEST(Engine, GenitiveOfAViolentNounIsWhoSuffersIt) {
  Analysis a = AnalyzeText("ندد الأردن باعتقال ناشطين فلسطينيين.", "2023-02-13");
  bool arrest = false;
  for (const Event& e : a.events) {
    if (e.root != "17") continue;
    arrest = true;
    ASSERT_TRUE(e.target);
    EXPECT_EQ(e.target->actor.country, "PSE");
    if (e.source) {
      EXPECT_NE(e.source->actor.country, "JOR");  // Jordan condemns, not arrests
    }
  }
  EXPECT_TRUE(arrest);
}

TEST(Engine, AgentPhraseNamesWhoActed) {
  Analysis a = AnalyzeText("واعتقل ناشطون أتراك على يد الشرطة اليونانية.", "2023-02-13");
  bool found = false;
  for (const Event& e : a.events) {
    if (e.root != "17") continue;
    found = true;
    ASSERT_TRUE(e.source && e.target);
    EXPECT_EQ(e.source->actor.code, "GRCCOP");
    EXPECT_EQ(e.target->actor.code, "TURCVL");
  }
  EXPECT_TRUE(found);
}

TEST(Engine, NationalityAdjectiveAfterAVerbalNounNamesTheActor) {
  Analysis a = AnalyzeText("وأسفرت الغارات الإسرائيلية على غزة عن سقوط ضحايا.", "2023-02-13");
  bool found = false;
  for (const Event& e : a.events) {
    if (e.root != "19") continue;
    found = true;
    ASSERT_TRUE(e.source);
    EXPECT_EQ(e.source->actor.code, "ISRMIL");
  }
  EXPECT_TRUE(found);
}

TEST(Engine, CommonWordsAreNoNamesEvenWhenSomeoneIsCalledSo) {
  // «كانت» is Kant's name and «وسوف» Wassouf's; as words they are «was» and «and will».
  Analysis a = AnalyzeText("وكانت الحكومة قد أعلنت أنها سوف تستقبل الوفد، وسوف يصل غداً.", "2023-01-01");
  for (const Entity& e : a.entities) EXPECT_NE(e.type, "PER") << e.span.text;
}

}  // namespace
TEST(Engine, NamesInsideDescriptionsAreMentionsOfTheirOwn) {
  Analysis a = AnalyzeText("وقال وزير خارجية روسيا إن قوات انتشرت في جنوب لبنان وقطاع غزة.", "2023-09-20");
  std::set<std::string> got;
  for (const Entity& e : a.entities) got.insert(e.span.text + "|" + e.type);
  EXPECT_TRUE(got.count("روسيا|GPE"));        // inside a role
  EXPECT_TRUE(got.count("لبنان|GPE"));        // the state named in the region …
  bool region = false;                          // … which describes a part of it
  for (const Entity& e : a.nominals) region |= e.span.text == "جنوب لبنان" && e.canonical == "South Lebanon";
  EXPECT_TRUE(region);
  EXPECT_TRUE(got.count("غزة|GPE"));          // «قطاع» is a descriptor
  EXPECT_FALSE(got.count("وزير خارجية روسيا|PER"));
  bool nominal = false;
  for (const Entity& e : a.nominals) nominal |= e.span.text == "وزير خارجية روسيا" && e.actor && e.actor->code == "RUSGOV";
  EXPECT_TRUE(nominal);
}

TEST(Engine, DescriptorsAroundAnOrganisationAreLeftOutOfItsName) {
  Analysis a = AnalyzeText("وأعلنت حركة حماس وحزب الله اللبناني ومجلس الأمن الدولي موقفاً.", "2023-09-20");
  std::set<std::string> got;
  for (const Entity& e : a.entities) got.insert(e.span.text);
  EXPECT_TRUE(got.count("حماس"));
  EXPECT_TRUE(got.count("وحزب الله"));
  EXPECT_TRUE(got.count("ومجلس الأمن الدولي"));  // «الدولي» is no nationality
}

TEST(Engine, ADescriptionThatSpeaksStaysAnEntity) {
  Analysis a = AnalyzeText("وقال المتحدث باسم الخارجية الإيرانية: \"لن نقبل بذلك أبداً\".", "2023-09-20");
  ASSERT_FALSE(a.quotes.empty());
  const std::string& sp = a.quotes[0].speaker;
  ASSERT_FALSE(sp.empty());
  bool found = false;
  for (const Entity& e : a.entities) found |= e.id == sp && e.actor && e.actor->country == "IRN";
  EXPECT_TRUE(found);
}

}  // namespace hadath

namespace hadath {
namespace {

std::set<std::string> PersonSpans(const Analysis& a) {
  std::set<std::string> got;
  for (const Entity& e : a.entities)
    if (e.type == "PER") got.insert(e.span.text);
  return got;
}

TEST(Engine, UnknownNamesAfterTitlesNationalitiesAndKunyas) {
  // «منصور» is also a word (victorious): after «السيد» it starts a name, and the family
  // name with the article that follows belongs to it.
  Analysis m = AnalyzeText("وقال السيد منصور القطان إن الشركة ستوسع أعمالها.");
  EXPECT_TRUE(PersonSpans(m).count("منصور القطان"));
  for (const Entity& e : m.entities)
    if (e.span.text == "منصور القطان") {
      EXPECT_TRUE(e.transliterated);  // an unknown person's canonical name is ICU's
      EXPECT_FALSE(e.canonical.empty());
    }
  // A nationality right before a given name announces a person.
  EXPECT_TRUE(PersonSpans(AnalyzeText("وتأهل الفرنسي جوليان ماسون إلى الدور الثاني.")).count("جوليان ماسون"));
  // «أبو» + name is a kunya; the common noun after the family name is not part of it.
  std::set<std::string> k = PersonSpans(AnalyzeText("وروى أبو سالم الدوسري القصة كاملة للحاضرين."));
  EXPECT_TRUE(k.count("أبو سالم الدوسري"));
  // A regnal number belongs to the king's name.
  EXPECT_TRUE(PersonSpans(AnalyzeText("وفي عهد فيليب الخامس تغيرت خريطة البلاد.")).count("فيليب الخامس"));
  // «المتحدث باسم» is a role: «باسم» here is no name.
  EXPECT_TRUE(PersonSpans(AnalyzeText("وقال المتحدث باسم الحكومة إن الاجتماع انتهى.")).empty());
}

TEST(Engine, FamilyNamesAloneResolveToTheLexiconPerson) {
  // Names that dictionaries list as words are still family names when hunspell's own
  // classes do not make them ordinary words («نتنياهو», «شيراك»).
  Analysis a = AnalyzeText("وقال نتنياهو إن الحكومة لن تتراجع، فيما دعا شيراك إلى التهدئة.", "2006-07-20");
  EXPECT_NE(FindEntity(a, "Benjamin Netanyahu"), nullptr);
  EXPECT_NE(FindEntity(a, "Jacques Chirac"), nullptr);
  // A family name two persons share is the one the document named in full.
  Analysis b = AnalyzeText("وقالت كوندوليزا رايس إن الحل قريب. وأضافت رايس أنها ستزور المنطقة.", "2006-07-20");
  int rice = 0;
  for (const Entity& e : b.entities) rice += e.canonical == "Condoleezza Rice";
  EXPECT_EQ(rice, 2);
  EXPECT_EQ(FindEntity(b, "Susan Rice"), nullptr);
}

TEST(Engine, ShortFormsOfOrganisationsNeedTheWordsAroundThem) {
  Analysis media = AnalyzeText("وقال مراسل الجزيرة إن القصف استمر حتى الفجر.");
  const Entity* aj = FindEntity(media, "Al Jazeera");
  ASSERT_NE(aj, nullptr);
  EXPECT_EQ(aj->span.text, "الجزيرة");
  Analysis club = AnalyzeText("وسجل لاعب برشلونة هدفين في المباراة.");
  EXPECT_NE(FindEntity(club, "FC Barcelona"), nullptr);
  Analysis club2 = AnalyzeText("وفاز برشلونة الإسباني على ضيفه.");
  EXPECT_NE(FindEntity(club2, "FC Barcelona"), nullptr);
  // Without such words the city is the city, the island an island.
  Analysis city = AnalyzeText("ووصل الوفد إلى برشلونة أمس.");
  EXPECT_EQ(FindEntity(city, "FC Barcelona"), nullptr);
  Analysis island = AnalyzeText("وتقع الجزيرة في وسط البحر.");
  EXPECT_EQ(FindEntity(island, "Al Jazeera"), nullptr);
}

TEST(Engine, CasualtyCountsBelongToTheirEvent) {
  Analysis a = AnalyzeText("وقتل 20 شخصا وجرح 35 آخرون في قصف إسرائيلي على غزة.", "2023-09-20");
  const Event* strike = nullptr;
  for (const Event& e : a.events)
    if (e.root == "19" || e.root == "18" || e.root == "20") strike = &e;
  ASSERT_NE(strike, nullptr);
  std::set<std::string> got;
  for (const Event::Count& c : strike->size) got.insert(c.kind + ":" + std::to_string(static_cast<int>(c.value)));
  EXPECT_TRUE(got.count("dead:20"));
  EXPECT_TRUE(got.count("injured:35"));
}

TEST(Engine, ReferencesAndQuestionsAreNoNewEvents) {
  auto violent = [](const Analysis& a) {
    for (const Event& e : a.events)
      if (e.root == "18" || e.root == "19" || e.root == "20") return true;
    return false;
  };
  // A question asks, a charge refers, «منذ» points to a known event, a rank is no territory.
  EXPECT_FALSE(violent(AnalyzeText("هل كانت إسرائيل تخطط لاغتيال القيادي في حزب الله؟", "2008-02-20")));
  EXPECT_FALSE(violent(AnalyzeText("ووجه القاضي إلى المتهمين الإسبان تهم قتل في قضية تفجير المطار.", "2008-02-20")));
  EXPECT_FALSE(violent(AnalyzeText("وهي أول زيارة لمسؤول فرنسي إلى سوريا منذ اغتيال الحريري.", "2008-02-20")));
  Analysis stock = AnalyzeText("واحتل سهم شركة أرامكو السعودية المرتبة الثانية في السوق.", "2008-02-20");
  for (const Event& e : stock.events) EXPECT_NE(e.cameo, "192");
  // An attack with a sign that it took place is one.
  EXPECT_TRUE(violent(AnalyzeText("وقتل 12 شخصا في هجوم انتحاري استهدف سوقا في بغداد أمس.", "2008-02-20")));
}

TEST(Engine, GenericActorsTakeTheCountryTheSentenceIsAbout) {
  Analysis a = AnalyzeText("وأطلقت الشرطة النار على متظاهرين في القاهرة أمس.", "2011-01-28");
  bool police = false;
  for (const Entity& e : a.nominals)
    if (e.span.text == "الشرطة" && e.actor) police = e.actor->code == "EGYCOP";
  EXPECT_TRUE(police);
}

TEST(Engine, PassiveVerbsAndAdjectiveActorsOfViolentNouns) {
  Analysis a = AnalyzeText("قُتل ثلاثة أشخاص في الغارات الإسرائيلية على جنوب لبنان ليل الأحد.", "2023-11-12");
  bool strike = false;
  int violent = 0;
  for (const Event& e : a.events) {
    if (e.root == "19" && e.source && e.source->actor.country == "ISR" && e.target && e.target->actor.country == "LBN")
      strike = true;
    violent += e.root == "19";
  }
  EXPECT_TRUE(strike);
  EXPECT_EQ(violent, 1);  // the passive killing is the strike's outcome, not an event apart
}

TEST(Engine, PhraseTriggersAroundTheSubject) {
  // VSO: the subject sits between the verb and the rest of the phrase.
  Analysis a = AnalyzeText("وقّعت مصر والإمارات اتفاقاً لإقامة منطقة صناعية مشتركة.", "2024-01-10");
  bool signed_ = false;
  for (const Event& e : a.events)
    if (e.cameo == "057" && e.source && e.source->actor.country == "EGY") signed_ = true;
  EXPECT_TRUE(signed_);
}

TEST(Engine, ATitleInAKnownSpellingStaysOutOfTheName) {
  Analysis a = AnalyzeText("وتحدث الخطيب عن سيرة الإمام علي وعدله.");
  const Entity* e = FindEntity(a, "Ali ibn Abi Talib");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->span.text, "علي");
}

const Event* FindEvent(const Analysis& a, const std::string& cameo, const std::string& src, const std::string& tgt) {
  for (const Event& e : a.events)
    if (e.cameo == cameo && e.source && e.source->actor.country == src && e.target && e.target->actor.country == tgt)
      return &e;
  return nullptr;
}

TEST(Events, OneEventToldInHeadlineAndBodyHasSeveralMentions) {
  Analysis a = AnalyzeText("زيارة الرئيس الفرنسي إلى الجزائر\n\nوصل الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر أمس.");
  int visits = 0;
  for (const Event& e : a.events) visits += e.cameo == "042";
  EXPECT_EQ(visits, 1);
  const Event* v = FindEvent(a, "042", "FRA", "DZA");
  ASSERT_NE(v, nullptr);
  ASSERT_EQ(v->mentions.size(), 2u);
  EXPECT_EQ(v->mentions[0].trigger.text, "زيارة");
  EXPECT_EQ(v->mentions[1].trigger.text, "وصل");
  ASSERT_TRUE(v->date);
  EXPECT_EQ(v->date->value, "2024-05-14");  // the body's «أمس», not the publication day
  // Arriving and leaving are two events of one visit: their dates keep them apart.
  Analysis b = AnalyzeText("وصل الرئيس الفرنسي إلى الجزائر في 3 أيار/مايو، وغادر الجزائر في 6 أيار/مايو.");
  int n = 0;
  for (const Event& e : b.events) n += e.cameo == "042";
  EXPECT_EQ(n, 2);
}

TEST(Events, RelativeClauseActorsAreNotTheMainVerbs) {
  Analysis a = AnalyzeText("وقال مسؤول إن وزير الخارجية الياباني، الذي يزور الهند حالياً، أجرى محادثات مع نظيره الهندي.");
  EXPECT_NE(FindEvent(a, "042", "JPN", "IND"), nullptr);  // the antecedent visits
  bool talks = false, wrong = false;
  for (const Event& e : a.events) {
    if (e.cameo != "040" || !e.source) continue;
    talks |= e.source->actor.country == "JPN" && e.target && e.target->actor.country == "IND";
    wrong |= e.source->actor.country == "IND";
  }
  EXPECT_TRUE(talks);
  EXPECT_FALSE(wrong);
}

TEST(Events, CoordinatedSubjectsAreBothSidesOfATalk) {
  Analysis a = AnalyzeText("وقد يجري الرئيسان المصري عبد الفتاح السيسي، والتركي رجب طيب أردوغان، محادثات في أنقرة الشهر المقبل.");
  const Event* e = FindEvent(a, "040", "EGY", "TUR");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, "possible");
  ASSERT_TRUE(e->date);
  EXPECT_EQ(e->date->value, "2024-06");
}

TEST(Events, ClashesOnABorderAreBetweenItsStates) {
  Analysis a = AnalyzeText("واندلعت اشتباكات عند الحدود الهندية الباكستانية أمس.");
  const Event* e = FindEvent(a, "190", "IND", "PAK");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source->actor.sector, "MIL");
}

TEST(Events, DatesComeFromTheEventsOwnTimeOrTheEventItIsTimedBy) {
  Analysis a = AnalyzeText("وفي شباط/فبراير الماضي، زار الرئيس الإيراني العراق. "
                           "وخلال الزيارة دعا الرئيس العراقي الرئيس الإيراني إلى حضور القمة العربية.");
  const Event* e = FindEvent(a, "020", "IRQ", "IRN");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date);
  EXPECT_EQ(e->date->value, "2024-02");
  // «منذ عام 2017» bounds a span; it does not date the arrival.
  Analysis b = AnalyzeText("وصل الرئيس الفرنسي إلى الجزائر أمس في أول زيارة له منذ عام 2017.");
  const Event* v = FindEvent(b, "042", "FRA", "DZA");
  ASSERT_NE(v, nullptr);
  ASSERT_TRUE(v->date);
  EXPECT_EQ(v->date->value, "2024-05-14");
}

TEST(Events, NegationOfAVerbDoesNotNegateItsObject) {
  Analysis a = AnalyzeText("الخارجية الصينية: لا نقبل اتهامات واشنطن بشأن تايوان");
  bool reject = false, accusation = false;
  for (const Event& e : a.events) {
    reject |= e.root == "12" && e.source && e.source->actor.country == "CHN";
    if (e.root == "11" && e.source && e.source->actor.country == "USA") accusation = e.modality == "asserted";
  }
  EXPECT_TRUE(reject);
  EXPECT_TRUE(accusation);
}

// After «لم» a hollow or defective verb loses its long vowel: still the same event, negated.
TEST(Events, JussiveFormsAfterLamAreNegatedEvents) {
  Analysis a = AnalyzeText("ولم يزر الرئيس الإيراني واشنطن منذ سنوات. ولم يلتق بوتين نظيره الأمريكي.");
  bool visit = false, meet = false;
  for (const Event& e : a.events) {
    visit |= e.cameo == "042" && e.modality == "negated" && e.source && e.source->actor.country == "IRN" &&
             e.target && e.target->actor.country == "USA";
    meet |= e.root == "04" && e.modality == "negated" && e.source && e.source->actor.country == "RUS";
  }
  EXPECT_TRUE(visit);
  EXPECT_TRUE(meet);
  // Without «لم» the shortened form is no verb of ours.
  for (const Event& e : AnalyzeText("وقال إن يزر الوزير موجود.").events) EXPECT_NE(e.trigger.text, "يزر");
}

// The charge of an accusation is alleged, not told; what is condemned did happen.
TEST(Events, TheChargeOfAnAccusationIsNoEvent) {
  Analysis a = AnalyzeText("واتهمت إيران الولايات المتحدة بدعم الإرهاب في المنطقة.");
  bool accuse = false;
  for (const Event& e : a.events) {
    accuse |= e.cameo.compare(0, 3, "112") == 0 && e.source && e.source->actor.country == "IRN";
    EXPECT_NE(e.trigger.text, "بدعم");
  }
  EXPECT_TRUE(accuse);
}

// A plural nationality alone is its people; counted right after a verb of violence, they
// are its victims (an unvoweled passive), not its authors.
TEST(Events, PeopleByNationalityAndCountedVictims) {
  Analysis a = AnalyzeText("قدمت اليابان مساعدات إنسانية للفلسطينيين. وقتل ثلاثة سوريين في قصف على إدلب.");
  bool aid = false, killed = false;
  for (const Event& e : a.events) {
    aid |= e.root == "07" && e.source && e.source->actor.country == "JPN" && e.target &&
           e.target->actor.country == "PSE";
    killed |= e.cameo == "190" && e.target && e.target->actor.country == "SYR" && !e.source;
  }
  EXPECT_TRUE(aid);
  EXPECT_TRUE(killed);
  // Describing a noun, the plural is no people of its own.
  for (const Entity& x : AnalyzeText("والتقى الوزير المسؤولين الفلسطينيين.").entities) EXPECT_NE(x.type, "NORP");
}

// Acknowledging a state is recognising it (054); acknowledging a deed is owning up (015).
TEST(Events, RecognitionOfAStateIsNotAnAdmission) {
  bool recognise = false;
  for (const Event& e : AnalyzeText("ستعترف المكسيك بدولة فلسطين مطلع العام المقبل.").events)
    recognise |= e.cameo == "054" && e.source && e.source->actor.country == "MEX" && e.target &&
                 e.target->actor.country == "PSE" && e.modality == "future";
  EXPECT_TRUE(recognise);
  bool admit = false;
  for (const Event& e : AnalyzeText("واعترف الجيش الإسرائيلي بقتل الصحفية.").events) admit |= e.cameo == "015";
  EXPECT_TRUE(admit);
}

// «أنها»/«إنه» before a verb is its subject, who is the reporting verb's subject; the
// actor after the verb is its object.
TEST(Events, ThePronounOnAnnaIsTheSubject) {
  bool release = false;
  for (const Event& e : AnalyzeText("أعلنت إسرائيل أنها ستفرج عن مئات الأسرى الفلسطينيين.").events)
    release |= e.root == "08" && e.source && e.source->actor.country == "ISR" && e.target &&
               e.target->actor.country == "PSE" && e.modality == "future";
  EXPECT_TRUE(release);
  bool visit = false;
  for (const Event& e : AnalyzeText("وقال الرئيس الروسي إنه لن يزور الولايات المتحدة.").events)
    visit |= e.cameo == "042" && e.source && e.source->actor.country == "RUS" && e.target &&
             e.target->actor.country == "USA" && e.modality == "negated";
  EXPECT_TRUE(visit);
}

// An expression of intent takes its kind and target from the event it announces, which
// is not told on its own; «بلاده» is the state of the sentence's subject.
TEST(Events, IntentTakesItsKindFromItsComplement) {
  Analysis a = AnalyzeText("أبدت إيران استعدادها لاستئناف المحادثات غير المباشرة مع الولايات المتحدة.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "036");
  ASSERT_TRUE(a.events[0].source && a.events[0].target);
  EXPECT_EQ(a.events[0].source->actor.country, "IRN");
  EXPECT_EQ(a.events[0].target->actor.country, "USA");
  bool mediate = false;
  for (const Event& e : AnalyzeText("أكد الرئيس التركي رجب طيب أردوغان أن بلاده مستعدة للتوسط بين روسيا وأوكرانيا.").events) {
    EXPECT_NE(e.root, "04");  // the mediation is intended, not told
    mediate |= e.cameo == "039" && e.source && e.source->actor.country == "TUR";
  }
  EXPECT_TRUE(mediate);
}

TEST(Events, TriggersInsideActorNamesAreNoEvents) {
  Analysis a = AnalyzeText("وقال مصدر إن قوات حفظ السلام الدولية في لبنان رصدت تحركات، وإن مجلس التعاون الخليجي عقد اجتماعاً.");
  for (const Event& e : a.events) {
    EXPECT_NE(e.trigger.text, "حفظ السلام");
    EXPECT_NE(e.trigger.text, "التعاون");
  }
}

TEST(Events, WhatBurstsOrIsNamedInPassingIsNoViolence) {
  for (const char* text : {"انفجرت فضيحة جديدة في وجه وزير المالية الإيطالي.",
                           "وقال الجنرال إن الجيش الإسرائيلي تعلم دروساً كثيرة خلال الحرب الأخيرة في لبنان."}) {
    Analysis a = AnalyzeText(text);
    for (const Event& e : a.events) EXPECT_TRUE(e.root != "18" && e.root != "19" && e.root != "20") << text;
  }
  Analysis b = AnalyzeText("وخلّفت الحرب بين إثيوبيا وإريتريا أكثر من ألف قتيل.");
  bool war = false;
  for (const Event& e : b.events) war |= e.root == "19";
  EXPECT_TRUE(war);
}

TEST(Events, AProtestWithoutNamedProtestersIsByThePeopleOfItsPlace) {
  Analysis a = AnalyzeText("واندلعت في نواكشوط أمس مظاهرات مناوئة للحكومة.");
  bool protest = false;
  for (const Event& e : a.events)
    protest |= e.root == "14" && e.source && e.source->actor.code == "MRTCVL";
  EXPECT_TRUE(protest);
}

TEST(Events, RelationsNameTheirEvidence) {
  Analysis a = AnalyzeText("وقال الوزير إن روسيا والصين شريكان في مواجهة الضغوط الأميركية.");
  ASSERT_FALSE(a.relations.empty());
  EXPECT_EQ(a.relations[0].type, "partner");
  EXPECT_EQ(a.relations[0].a, "CHN");
  EXPECT_EQ(a.relations[0].b, "RUS");
  EXPECT_EQ(a.relations[0].evidence.text, "شريكان");
}

TEST(Events, CoordinatedSidesAndTargetsNamedThroughTheObject) {
  Analysis a = AnalyzeText("انتقدت ألمانيا والنمسا تصريحات وزير الداخلية الإيطالي بشأن المهاجرين.");
  EXPECT_NE(FindEvent(a, "111", "DEU", "ITA"), nullptr);
  EXPECT_NE(FindEvent(a, "111", "AUT", "ITA"), nullptr);
  Analysis b = AnalyzeText("أدانت جامعة الدول العربية الاقتحامات الإسرائيلية للمسجد الأقصى.");
  bool found = false;
  for (const Event& e : b.events) found |= e.root == "11" && e.target && e.target->actor.country == "ISR";
  EXPECT_TRUE(found);
}

// A past verb's form after a preposition is its verbal noun, and a verbal noun with its
// owner's pronoun has its agent in the pronoun (the subject before) and its object after.
TEST(Events, VerbalNounsWithTheirOwnersPronoun) {
  Analysis a = AnalyzeText("أعرب الأردن عن دعمه لمبادرة مصر لوقف القتال في السودان.");
  EXPECT_NE(FindEvent(a, "051", "JOR", "EGY"), nullptr);
  for (const Event& e : a.events)  // Egypt's initiative is supported; Egypt supports nothing
    EXPECT_FALSE(e.root == "05" && e.source && e.source->actor.country == "EGY") << e.cameo;
  Analysis b = AnalyzeText("جدّدت ألمانيا مطالبتها روسيا بالإفراج عن الصحفي المعتقل.");
  bool demand = false;
  for (const Event& e : b.events)
    demand |= e.root == "10" && e.source && e.source->actor.country == "DEU" && e.target &&
              e.target->actor.country == "RUS";
  EXPECT_TRUE(demand);
  // «his visit» told again in passing is the visit told before, not a new one.
  Analysis c = AnalyzeText("وصل الرئيس الكوري الجنوبي إلى اليابان أمس، حيث رافقه في زيارته وزير الخارجية بارك جين.");
  int visits = 0;
  for (const Event& e : c.events) visits += e.root == "04" && e.cameo == "042";
  EXPECT_EQ(visits, 1);
}

// What is imposed on someone names the target: «المفروضة على X».
TEST(Events, WhatIsImposedOnSomeoneNamesTheTarget) {
  auto target_of = [](const std::string& text, const std::string& root) {
    Analysis a = AnalyzeText(text);
    for (const Event& e : a.events)
      if (e.root == root && e.target) return e.target->actor.country;
    return std::string("none");
  };
  EXPECT_EQ(target_of("خففت اليابان القيود المفروضة على الشركات الصينية.", "08"), "CHN");
  EXPECT_EQ(target_of("أكدت بريطانيا أنها لن ترفع العقوبات المفروضة على بيلاروسيا.", "12"), "BLR");
}

// An appeal or a demand about a place is addressed to its state; the speaker's own state
// is no target.
TEST(Events, AnAppealAboutAPlaceIsAddressedToItsState) {
  Analysis a = AnalyzeText("دعت الجامعة العربية الأطراف المتحاربة في ليبيا إلى وقف القتال فوراً.");
  bool appeal = false;
  for (const Event& e : a.events) appeal |= e.root == "02" && e.target && e.target->actor.country == "LBY";
  EXPECT_TRUE(appeal);
  Analysis b = AnalyzeText("طالب الرئيس التونسي في تونس بإصلاح النظام الضريبي.");
  for (const Event& e : b.events) EXPECT_FALSE(e.target && e.target->actor.country == "TUN") << e.cameo;
}

bool HasViolence(const Analysis& a) {
  for (const Event& e : a.events)
    if (e.root == "18" || e.root == "19" || e.root == "20") return true;
  return false;
}

// The imperfect of violence in the body is habitual, generic or intended, unless it has a
// time of its own; a purpose («لتقصف») tells of nothing done.
TEST(Events, TheImperfectOfViolenceNeedsItsOwnTime) {
  for (const char* text : {"وقال المتحدث إن الميليشيات تقتل المدنيين في القرى النائية.",
                           "وأرسلت الحكومة طائرات حربية لتقصف مواقع المتمردين في الشمال.",
                           "وأضاف المصدر أن الطائرات يمكن أن تستهدف المطارات العسكرية."}) {
    EXPECT_FALSE(HasViolence(AnalyzeText(text))) << text;
  }
  EXPECT_TRUE(HasViolence(AnalyzeText("* 3 آذار 2011: الطيران الإسرائيلي يقصف مواقع في غزة.")));
  // A headline tells what happened in the present tense.
  auto d = ReadTxt("x.txt", "الطيران الإسرائيلي يقصف مواقع في غزة\n\nقال الناطق باسم الجيش إن العملية مستمرة.\n");
  ASSERT_TRUE(d.ok());
  auto r = testing::TestEngine().Analyze(d.value());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(HasViolence(r.take()));
}

// A violent verb opening a relative clause describes who its antecedent is; it is told as
// an event only when the clause dates it recently or counts victims.
TEST(Events, ARelativeClauseOfViolenceIsBackground) {
  EXPECT_FALSE(HasViolence(AnalyzeText(
      "وأشار المسؤول إلى المهندس حسن علوان الذي خطفه مسلحون عام 2009 في جنوب البلاد.", "2015-03-02")));
  EXPECT_TRUE(HasViolence(AnalyzeText(
      "وأشار المسؤول إلى المهندس حسن علوان الذي خطفه مسلحون أمس في جنوب البلاد.", "2015-03-02")));
}

// Who is accused of, involved in or behind a killing refers to a known one; «عمليات خطف»
// reads «خطف» as a noun.
TEST(Events, ChargesAndInvolvementReferToKnownViolence) {
  for (const char* text : {"وبرأت المحكمة رجلين متهمين بقتل صحافي في العاصمة.",
                           "وقالت الشرطة إن للجماعة علاقة باغتيال المحافظ.",
                           "وتحدث التقرير عن عمليات خطف تطال الأجانب في الصحراء."}) {
    EXPECT_FALSE(HasViolence(AnalyzeText(text))) << text;
  }
}

// «هاجم» said of a politician is criticism (111), not an assault.
TEST(Events, APoliticiansAttackIsCriticism) {
  Analysis a = AnalyzeText("وهاجم رئيس الوزراء الفرنسي إيمانويل فالس المعارضة قائلا إنها تعرقل الإصلاح.");
  EXPECT_FALSE(HasViolence(a));
  bool criticism = false;
  for (const Event& e : a.events) criticism |= e.cameo == "111";
  EXPECT_TRUE(criticism);
  EXPECT_TRUE(HasViolence(AnalyzeText("وهاجم مسلحون مجهولون قرية قرب كركوك فجر أمس.")));
}

// A noun of violence is told as an event when its own phrase says it happened: a verb of
// occurrence governing it, a count of its victims, a recent date, the place right after
// it, «تمّ», or a chronology's date. Named in passing, or dated long ago, it is not.
TEST(Events, ANounOfViolenceIsToldByItsOwnPhrase) {
  for (const char* text : {"وقارن الكاتب في مقاله بين الوضع الحالي وتفجيرات مدريد عام 2004 في إسبانيا.",
                           "وتعتزم الحكومة فرض حصار بحري على الموانئ الشمالية.",
                           "ورأى المحلل أن الاغتيالات السياسية أضعفت الثقة بين الأحزاب اللبنانية."}) {
    EXPECT_FALSE(HasViolence(AnalyzeText(text, "2015-03-02"))) << text;
  }
  for (const char* text : {"وأعلنت الشرطة العراقية مقتل ثمانية أشخاص في انفجار سيارة مفخخة ببغداد.",
                           "وقام مسلحون بخطف مهندسين أتراك قرب الموصل أمس.",
                           "* 14 شباط 2005: اغتيال رئيس الوزراء اللبناني السابق رفيق الحريري في بيروت."}) {
    EXPECT_TRUE(HasViolence(AnalyzeText(text, "2015-03-02"))) << text;
  }
  Analysis seized = AnalyzeText("تمّ احتجاز ناقلة نفط ترفع علم بنما في مضيق هرمز من قبل البحرية الإيرانية.");
  bool coerced = false;
  for (const Event& e : seized.events) coerced |= e.root == "17" && e.source && e.source->actor.country == "IRN";
  EXPECT_TRUE(coerced);
}

// Occupying a rank is no occupation of territory.
TEST(Events, ASectorThatTakesARankOccupiesNothing) {
  EXPECT_FALSE(HasViolence(AnalyzeText("واحتل القطاع المرتبة الثالثة في قيمة التداول في بورصة عمان.")));
  EXPECT_TRUE(HasViolence(AnalyzeText("واحتلت القوات التركية بلدة عفرين السورية أمس.")));
}

// The sentence's news is its first act: violence named after another act (a condemnation,
// an appeal, a visit) is what that act is about or follows, unless a verb of occurrence
// opens a clause of its own for it.
TEST(Events, ViolenceNamedAfterAnotherActIsItsSubject) {
  for (const char* text : {"ودعا وزير الخارجية الإيطالي أمس الرعايا إلى الحذر بعد الاعتداء الذي وقع أول من أمس في "
                           "تونس وأسفر عن مقتل سائحين.",
                           "وأدانت الخارجية التركية أمس اختطاف سائقين أتراك في شمال العراق."}) {
    EXPECT_FALSE(HasViolence(AnalyzeText(text, "2015-03-02"))) << text;
  }
  for (const char* text : {"والتقى وزير الخارجية نظيره الأردني أمس، فيما وقع انفجار في وسط عمّان.",
                           "واستنكر رئيس الوزراء الأردني الهجوم، وقتل مسلحون ثلاثة جنود في الزرقاء أمس.",
                           "وقتلت الشرطة مسلحين في اشتباك أمس بعد هجوم على مركز أمني في الكرك."}) {
    EXPECT_TRUE(HasViolence(AnalyzeText(text, "2015-03-02"))) << text;
  }
}

// A place after a noun of violence does not tell it: «هجمات مومباي» names a known event.
TEST(Events, APlaceAloneDoesNotTellViolence) {
  EXPECT_FALSE(HasViolence(AnalyzeText("وتناول الفيلم الوثائقي الاغتيالات في بيروت وأثرها على الاقتصاد.",
                                       "2015-03-02")));
}

// «هناك» is an adverb, not «هنأ» with a pronoun; «ولكن» is و + لكن.
TEST(Events, AnAdverbEndingLikeAPronounIsNoVerb) {
  Analysis a = AnalyzeText("وقال الوزير إن هناك خلافات بين الحكومة والمعارضة.");
  for (const Event& e : a.events) EXPECT_NE(e.trigger.text, "هناك");
}

// A protest told with a crowd and no place is by that crowd, civilians of no named country.
TEST(Events, AProtestByACrowdWithoutAPlace) {
  Analysis a = AnalyzeText("ونفذ المتظاهرون اعتصاما أمام مبنى البرلمان أمس.", "2015-03-02");
  bool protest = false;
  for (const Event& e : a.events) protest |= e.root == "14" && e.source && e.source->actor.code == "CVL";
  EXPECT_TRUE(protest);
}

// «مسيرات» are marches when people go out in them or they denounce something; drones when
// they are launched or shot down.
TEST(Events, MarchesAreNotDrones) {
  Analysis march = AnalyzeText("وخرج آلاف الطلاب في مسيرات في العاصمة الكينية نيروبي أمس.", "2015-03-02");
  bool protest = false, drone = false;
  for (const Event& e : march.events) protest |= e.root == "14", drone |= e.cameo == "1952";
  EXPECT_TRUE(protest);
  EXPECT_FALSE(drone);
  Analysis drones = AnalyzeText("وأطلقت روسيا مسيرات على مدينة خاركيف الأوكرانية أمس.", "2015-03-02");
  protest = drone = false;
  for (const Event& e : drones.events) protest |= e.root == "14", drone |= e.root == "19";
  EXPECT_FALSE(protest);
  EXPECT_TRUE(drone);
}

// Riot police («عناصر مكافحة الشغب») are a force, not a riot.
TEST(Events, RiotPoliceAreNoRiot) {
  Analysis a = AnalyzeText("وانتشر عناصر مكافحة الشغب في وسط العاصمة أمس.", "2015-03-02");
  for (const Event& e : a.events) EXPECT_NE(e.root, "14") << e.trigger.text;
}

// A verbal noun predicated by a judgement characterises («يعد انتهاكاً»); a march with its
// owner's pronoun is a career («مسيرته»). Neither tells an event.
TEST(Events, JudgementsAndCareersTellNoEvent) {
  Analysis judged = AnalyzeText("وقالت الخارجية الأرمينية إن إغلاق الطريق يعد انتهاكاً للاتفاق الموقع.", "2015-03-02");
  for (const Event& e : judged.events) EXPECT_NE(e.root, "12") << e.trigger.text;
  Analysis career = AnalyzeText("وتحدث الوزير الأردني عن مسيرته في الحكومة أمس.", "2015-03-02");
  for (const Event& e : career.events) EXPECT_NE(e.root, "14") << e.trigger.text;
  // An indefinite noun keeps its accusative alif and is still the noun: «اعتصاما».
  Analysis sit_in = AnalyzeText("ونفذ عمال الميناء اعتصاما في العقبة أمس.", "2015-03-02");
  bool protest = false;
  for (const Event& e : sit_in.events) protest |= e.root == "14";
  EXPECT_TRUE(protest);
}

// Protesters are told by what they do in the street: a new crowd that gathers, marches,
// burns or blocks a road protests; the protesters of a protest told already («ورفع
// المتظاهرون لافتات») add to it and tell no new one.
TEST(Events, ACrowdInTheStreetProtests) {
  for (const char* text : {"وخرج آلاف المتظاهرين إلى شوارع العاصمة الأردنية أمس.",
                           "ونزل المتظاهرون إلى الشوارع في عدة مدن باكستانية أمس.",
                           "وأحرق متظاهرون إطارات السيارات في رام الله أمس.",
                           "وتجمع نحو 40 متظاهراً أمام السفارة الإسرائيلية في عمّان أمس."}) {
    Analysis a = AnalyzeText(text, "2015-03-02");
    bool protest = false;
    for (const Event& e : a.events) protest |= e.root == "14" && e.source && e.source->actor.sector == "CVL";
    EXPECT_TRUE(protest) << text;
  }
  for (const char* text : {"ورفع المتظاهرون لافتات تطالب بالإصلاح.", "وقطع متظاهرون مئات الكيلومترات للوصول إلى العاصمة.",
                           "وخرج الطلاب من قاعة الامتحان أمس."}) {
    Analysis a = AnalyzeText(text, "2015-03-02");
    for (const Event& e : a.events) EXPECT_NE(e.root, "14") << text;
  }
}

// «قتل جنديان أميركيان», «ثلاثة جنود أميركيين قتلوا»: a count of people with a verb of
// violence that opens its clause is what befell them (the unvoweled passive); «في هجوم
// شنه مسلحون صوماليون» names who attacked.
TEST(Events, ACountOfPeopleAfterAVerbOfViolenceSufferedIt) {
  Analysis a = AnalyzeText("كما قتل جنديان أميركيان وأصيب تسعة عراقيين في هجوم انتحاري في الموصل.", "2015-03-02");
  bool usa_target = false;
  for (const Event& e : a.events)
    if (e.root == "19") {
      usa_target |= e.target && e.target->actor.country == "USA";
      EXPECT_FALSE(e.source && e.source->actor.country == "USA");
    }
  EXPECT_TRUE(usa_target);
  EXPECT_TRUE(Coded(AnalyzeText("وقتل أمس 4 جنود إثيوبيين في هجوم شنه مسلحون صوماليون على ثكنة عسكرية.", "2015-03-02"),
                    "19", "SOM", "ETH"));
  // With its subject before it, the count is the object: the militants kidnapped.
  Analysis c = AnalyzeText("وقال مسؤول إن مسلحين من حركة طالبان اختطفوا سبعة جنود باكستانيين أمس.", "2015-03-02");
  for (const Event& e : c.events)
    if (e.root == "18") EXPECT_FALSE(e.source && e.source->actor.country == "PAK");
}

// The object that names a verb's target is the verb's theme: «رفضت أذربيجان … وساطة
// فرنسية» is a rejection of France, not a French mediation; «علّقت إثيوبيا المفاوضات مع
// مصر والسودان» suspends talks with both, and negotiates nothing.
TEST(Events, TheObjectThatNamesTheTargetIsNoEventOfItsOwn) {
  Analysis a = AnalyzeText("رفضت أذربيجان في 5 كانون الأول 2023 وساطة فرنسية في النزاع.", "2023-12-06");
  bool reject = false;
  for (const Event& e : a.events) {
    reject |= e.root == "12" && e.target && e.target->actor.country == "FRA";
    EXPECT_NE(e.root, "04") << e.trigger.text;
  }
  EXPECT_TRUE(reject);
  Analysis b = AnalyzeText("علّقت إثيوبيا المفاوضات مع مصر والسودان بشأن سد النهضة.", "2023-11-21");
  std::set<std::string> suspended;
  for (const Event& e : b.events) {
    if (e.root == "16" && e.target) suspended.insert(e.target->actor.country);
    EXPECT_NE(e.root, "04") << e.trigger.text;
  }
  EXPECT_EQ(suspended, (std::set<std::string>{"EGY", "SDN"}));
}

// A killing told by its victims and the attack that caused it is one event, the attack's,
// with the victims as its target; the deaths an attack caused are its outcome.
TEST(Events, AKillingAndItsAttackAreOneEvent) {
  Analysis a = AnalyzeText("قُتل خمسة جنود باكستانيين في انفجار عبوة ناسفة في إقليم بلوشستان.", "2024-03-13");
  int violent = 0;
  bool pak = false;
  for (const Event& e : a.events)
    if (e.root == "18" || e.root == "19") ++violent, pak |= e.target && e.target->actor.country == "PAK";
  EXPECT_EQ(violent, 1);
  EXPECT_TRUE(pak);
  Analysis b = AnalyzeText("أسفر القصف الروسي على مدينة أوديسا أمس عن مقتل ثلاثة مدنيين.", "2024-03-13");
  violent = 0;
  for (const Event& e : b.events) violent += e.root == "19";
  EXPECT_EQ(violent, 1);
  // «بهجوم انتحاري»: the suicide bomber carried the attack out.
  Analysis c = AnalyzeText("وقتل أربعة أشخاص وأصيب ستة آخرون بهجوم انتحاري غرب بغداد أمس.", "2024-03-13");
  bool attack = false;
  for (const Event& e : c.events)
    attack |= (e.root == "18" || e.root == "19") && e.source && e.source->actor.sector == "UAF";
  EXPECT_TRUE(attack);
}

// A count of people after the subject is the object («ثلاثة مهندسين صينيين»: China's
// civilians), however many actors follow; a protest before an embassy is against its state.
TEST(Events, CountedObjectsAndProtestsBeforeAnEmbassy) {
  EXPECT_TRUE(Coded(AnalyzeText("خطف مسلحون مجهولون ثلاثة مهندسين صينيين في شمال مالي.", "2024-03-13"), "18", "",
                    "CHN"));
  EXPECT_TRUE(Coded(AnalyzeText("تظاهر مئات الأتراك أمام السفارة الدنماركية في أنقرة أمس.", "2024-03-13"), "14", "",
                    "DNK"));
}

// A force named by its nationality adjectives acts: «شنّت الطائرات الأمريكية والبريطانية
// غارات» is one strike by each.
TEST(Events, AForceNamedByItsNationalityActs) {
  Analysis a = AnalyzeText("شنّت الطائرات الأمريكية والبريطانية غارات على مواقع للحوثيين في اليمن.", "2024-02-26");
  std::set<std::string> sources;
  for (const Event& e : a.events)
    if (e.root == "19" && e.source) sources.insert(e.source->actor.country);
  EXPECT_EQ(sources, (std::set<std::string>{"USA", "GBR"}));
}

// «قد تشنّ إسرائيل هجوماً برياً على رفح»: a possible attack, Israel's, on Rafah — the light
// verb with its subject between is one event, and «تشنّ» voweled is no Chinese name.
TEST(Events, APossibleAttackToldByALightVerb) {
  Analysis a = AnalyzeText("قد تشنّ إسرائيل هجوماً برياً على مدينة رفح خلال أيام.", "2024-03-13");
  int attacks = 0;
  for (const Event& e : a.events) {
    if (e.root != "19") continue;
    ++attacks;
    EXPECT_EQ(e.modality, "possible");
    ASSERT_TRUE(e.source);
    EXPECT_EQ(e.source->actor.country, "ISR");
  }
  EXPECT_EQ(attacks, 1);
  for (const Entity& e : a.entities) EXPECT_NE(e.type, "PER") << e.span.text;
}

// «إن على X أن تفعل»: what a state must do, in a speaker's words, is the speaker's demand.
TEST(Events, WhatAStateMustDoIsDemandedOfIt) {
  Analysis a = AnalyzeText("قال وزير الخارجية الإيراني إن على الولايات المتحدة أن تسحب قواتها من سوريا فوراً.",
                           "2024-02-19");
  bool demand = false;
  for (const Event& e : a.events) {
    demand |= e.root == "10" && e.source && e.source->actor.country == "IRN" && e.target &&
              e.target->actor.country == "USA";
    EXPECT_NE(e.root, "08") << e.trigger.text;  // nobody has withdrawn
  }
  EXPECT_TRUE(demand);
}

// A target through a parenthesis («حق النقض (الفيتو) ضد مشروع قرار أمريكي») and through the
// people of a place («عقوبات على مسؤولين في فنزويلا»).
TEST(Events, TargetsThroughAParenthesisAndThePeopleOfAPlace) {
  EXPECT_TRUE(Coded(AnalyzeText("استخدمت روسيا حق النقض (الفيتو) ضد مشروع قرار أمريكي في مجلس الأمن.", "2024-03-29"),
                    "12", "", "USA"));
  EXPECT_TRUE(Coded(AnalyzeText("قد تفرض الولايات المتحدة عقوبات جديدة على مسؤولين في فنزويلا.", "2024-03-29"), "16",
                    "", "VEN"));
}

// «قال ضابط رفيع في الشرطة»: a member named by his body speaks for it; «قُتل قيادي في حزب
// الله بضربة إسرائيلية»: the member's body suffered; «إن 60 شخصاً قتلوا»: unnamed victims.
TEST(Events, MembersStandForTheirBodyAndCountedPeopleSuffer) {
  Analysis a = AnalyzeText("قال ضابط رفيع في الشرطة الباكستانية إن 60 شخصاً قتلوا في الهجوم.", "2008-09-21");
  bool killed = false;
  for (const Event& e : a.events) {
    if (e.root == "19") {
      killed = true;
      EXPECT_FALSE(e.source && e.source->actor.code == "PAKCOP");  // the officer killed no one
    }
  }
  EXPECT_TRUE(killed);
  bool accused = false;
  for (const Event& e : AnalyzeText("اتهم ضابط رفيع في الشرطة الباكستانية الهند بدعم المسلحين.", "2008-09-21").events)
    accused |= e.root == "11" && e.source && e.source->actor.code == "PAKCOP" && e.target &&
               e.target->actor.country == "IND";
  EXPECT_TRUE(accused);
  EXPECT_TRUE(Coded(AnalyzeText("قُتل قيادي في حزب الله اللبناني بضربة إسرائيلية في جنوب لبنان.", "2024-03-13"), "19",
                    "ISR", "LBN"));
}

// «لم تبدِ كوريا الشمالية أي استعداد للعودة إلى المحادثات»: a negated intent (the jussive
// after «لم»), towards South Korea; the talks it would lead to are not held.
TEST(Events, ANegatedIntentHoldsNoTalks) {
  Analysis a = AnalyzeText("لم تبدِ كوريا الشمالية أي استعداد للعودة إلى المحادثات مع كوريا الجنوبية.", "2024-02-05");
  bool intent = false;
  for (const Event& e : a.events) {
    if (e.root == "03") {
      intent = e.modality == "negated" && e.target && e.target->actor.country == "KOR";
    }
    EXPECT_NE(e.root, "04") << e.trigger.text;
  }
  EXPECT_TRUE(intent);
}

}  // namespace
// «قال X إن …» with no one it is said to or about is the quote, not an event; what is said
// is coded, and a statement toward someone («كلمة أمام الجمعية العامة») stays an event.
TEST(Events, ABareStatementIsAQuoteAndWhatItSaysIsTheEvent) {
  Analysis a = AnalyzeText("وقال المتحدث باسم الخارجية الفرنسية إن باريس ستواصل محادثاتها مع الجزائر.", "2024-04-02");
  for (const Event& e : a.events) EXPECT_FALSE(e.cameo == "010" && !e.target) << e.trigger.text;
  EXPECT_TRUE(Coded(a, "04", "FRA", "DZA"));
  // Told in a direct quote, the event links it.
  Analysis q = AnalyzeText("وقال وزير الخارجية الفرنسي للصحافيين: «سنواصل محادثاتنا مع الجزائر».", "2024-04-02");
  ASSERT_EQ(q.quotes.size(), 1u);
  bool linked = false;
  for (const Event& e : q.events) linked |= e.root == "04" && e.quote == q.quotes[0].id;
  EXPECT_TRUE(linked);
  Analysis speech = AnalyzeText("سيلقي رئيس الوزراء الهندي كلمة أمام الجمعية العامة للأمم المتحدة يوم الجمعة.",
                                "2024-09-23");
  bool told = false;
  for (const Event& e : speech.events)
    told |= e.root == "01" && e.modality == "future" && e.source && e.source->actor.country == "IND" && e.target &&
            e.target->actor.code == "IGOUNO";
  EXPECT_TRUE(told);
}

// «لدى» names the state a representation is accredited to.
TEST(Events, RepresentationIsLoweredAtAState) {
  EXPECT_TRUE(Coded(AnalyzeText("خفّضت البيرو تمثيلها الدبلوماسي لدى المكسيك إلى مستوى القائم بالأعمال.",
                                "2023-02-25"),
                    "16", "PER", "MEX"));
}

// «أن قواتها …»: the forces named by the speaker's pronoun act for the speaker; «قوات» with
// a pronoun heads no force name.
TEST(Events, TheSpeakersForcesActForIt) {
  EXPECT_TRUE(Coded(AnalyzeText("أعلنت وزارة الدفاع الأوكرانية أن قواتها سيطرت على بلدة في مقاطعة كورسك.",
                                "2024-08-12"),
                    "19", "UKR", "RUS"));
  Analysis a = AnalyzeText("أكد الجيش الإسرائيلي أن طائراته لم تستهدف أي مدنيين في جنوب لبنان.", "2024-03-01");
  bool denied = false;
  for (const Event& e : a.events)
    if (e.root == "19") denied = e.modality == "negated" && e.source && e.source->actor.country == "ISR";
  EXPECT_TRUE(denied);
}

// What a condition supposes did not happen; the act promised for it is a threat, made now,
// against the one the condition names.
TEST(Events, AConditionTellsAThreatNotAnAct) {
  Analysis a = AnalyzeText("في حال فرض الاتحاد الأوروبي عقوبات جديدة على موسكو فإن روسيا سترد بالمثل.", "2024-06-03");
  bool threat = false;
  for (const Event& e : a.events) {
    EXPECT_NE(e.root, "16") << "no sanctions were imposed";
    if (e.root == "13") threat = e.modality == "asserted" && e.source && e.source->actor.country == "RUS" && e.target &&
                                 e.target->actor.country == "IGO";
  }
  EXPECT_TRUE(threat);
  // An attack the speaker says it will make is a threat of force (138x), not an attack.
  Analysis b = AnalyzeText("وقال قائد الجيش الباكستاني إن قواته ستشن هجوماً على مواقع المسلحين الأفغان إذا تكررت الهجمات.",
                           "2024-06-03");
  bool force = false;
  for (const Event& e : b.events) {
    EXPECT_FALSE(e.root == "18" || e.root == "19") << e.trigger.text;
    force |= e.cameo.compare(0, 3, "138") == 0 && e.source && e.source->actor.country == "PAK";
  }
  EXPECT_TRUE(force);
  // Told by the text alone, a future attack stays one.
  EXPECT_TRUE(Coded(AnalyzeText("ستشن إسرائيل هجوماً على رفح خلال أيام.", "2024-05-01"), "19", "ISR", ""));
}

// Chemical weapons (2041), a mission sent to a state, and a refused permission.
TEST(Events, ChemicalWeaponsMissionsAndPermissions) {
  Analysis a = AnalyzeText("قالت أوكرانيا إن القوات الروسية استخدمت غاز الكلور ضد جنودها في دونيتسك.", "2024-05-20");
  bool chem = false;
  for (const Event& e : a.events) chem |= e.cameo == "2041" && e.source && e.source->actor.country == "RUS";
  EXPECT_TRUE(chem);
  EXPECT_TRUE(Coded(AnalyzeText("أرسلت الأمم المتحدة بعثة لتقصي الحقائق إلى السودان.", "2024-01-10"), "09", "IGO",
                    "SDN"));
  bool refused = false;
  for (const Event& e : AnalyzeText("لم تسمح ميانمار للصحافيين الأجانب بدخول ولاية راخين.", "2024-01-10").events)
    refused |= e.root == "12" && e.source && e.source->actor.country == "MMR";
  EXPECT_TRUE(refused);
}

// Arms and troops sent or given (072, 154), told by the verb and its object a few words on;
// the missiles handed over are no attack.
TEST(Events, ArmsAndTroopsSentToAState) {
  Analysis a = AnalyzeText("سلّمت فرنسا دفعة جديدة من الصواريخ إلى أوكرانيا الأسبوع الماضي.", "2024-03-12");
  EXPECT_TRUE(Coded(a, "07", "FRA", "UKR"));
  EXPECT_FALSE(HasViolence(a));
  EXPECT_TRUE(Coded(AnalyzeText("قررت بريطانيا إرسال ألفي جندي إضافي إلى إستونيا.", "2024-03-12"), "15", "GBR", "EST"));
  bool refused = false;
  for (const Event& e : AnalyzeText("قال وزير الدفاع الياباني إن بلاده لن تبيع أسلحة هجومية لأي دولة في حالة حرب.",
                                    "2024-03-12")
                            .events)
    refused |= e.cameo == "072" && e.modality == "negated" && e.source && e.source->actor.country == "JPN";
  EXPECT_TRUE(refused);
}

// Killing hundreds is a mass killing (202); deporting is told by the shadda or by the people
// deported, for «رحل» is mostly leaving or passing away.
TEST(Events, MassKillingsAndDeportations) {
  EXPECT_TRUE(Coded(AnalyzeText("قتل مسلحو بوكو حرام مئات القرويين في شمال شرق نيجيريا.", "2024-02-02"), "20", "", ""));
  EXPECT_FALSE(Coded(AnalyzeText("قتل الجيش النيجيري 12 مسلحاً في اشتباكات.", "2024-02-02"), "20", "", ""));
  // The killed are the first count: «مقتل 27 شخصاً وإصابة نحو 150» is no mass killing; nor
  // is a toll since a date, which counts many events.
  EXPECT_FALSE(Coded(AnalyzeText("قتل مسلحون 27 شخصاً وأصابوا نحو 150 آخرين في هجوم على سوق.", "2024-02-02"), "20", "",
                     ""));
  EXPECT_FALSE(Coded(AnalyzeText("قتلت الجماعة أكثر من ألفي شخص منذ عام 2015.", "2024-02-02"), "20", "", ""));
  EXPECT_TRUE(Coded(AnalyzeText("قتلت القوات الحكومية 143 مدنياً في القرية.", "2024-02-02"), "20", "", ""));
  EXPECT_TRUE(Coded(AnalyzeText("رحّلت الدنمارك عشرات اللاجئين السوريين.", "2024-02-02"), "17", "DNK", "SYR"));
  EXPECT_TRUE(Coded(AnalyzeText("رحلت فرنسا مئات المهاجرين التونسيين.", "2024-02-02"), "17", "FRA", "TUN"));
  EXPECT_FALSE(Coded(AnalyzeText("رحلت وزيرة الخارجية الألمانية إلى الصين أمس.", "2024-02-02"), "17", "", ""));
}

// «قال … إن بلاده لن تعترف بضم روسيا لجزر الكوريل»: not recognising an annexation is
// refused recognition of Russia's act (054, negated); the statement is not said to the
// islands named in what is said. A charge opened by «بشن» is alleged, not told.
TEST(Events, RecognitionOfAnAnnexationAndChargesByALightNoun) {
  Analysis a = AnalyzeText("قال وزير الخارجية الكندي إن بلاده لن تعترف بضم روسيا لمناطق أوكرانية.", "2022-10-01");
  EXPECT_TRUE(Coded(a, "05", "CAN", "RUS"));
  for (const Event& e : a.events) EXPECT_FALSE(e.root == "01" && e.target && e.target->actor.country == "UKR");
  Analysis b = AnalyzeText("واتهمت الحكومة السودانية قوات الدعم السريع بشن حملة «إبادة جماعية» في دارفور.",
                           "2024-01-10");
  EXPECT_TRUE(Coded(b, "11", "SDN", "SDN"));
  EXPECT_FALSE(Coded(b, "20", "", ""));
}

// A crowd named by its trade and nationality protests for its country's people, even when
// the protest has a target: «نظم المزارعون الفرنسيون احتجاجات ضد اتفاق التجارة مع البرازيل».
TEST(Events, ACrowdOfANationProtests) {
  Analysis a = AnalyzeText("قد ينظم المزارعون الإسبان احتجاجات جديدة على الحدود مع فرنسا.", "2024-02-10");
  bool possible = false;
  for (const Event& e : a.events)
    possible |= e.root == "14" && e.modality == "possible" && e.source && e.source->actor.country == "ESP";
  EXPECT_TRUE(possible);
  EXPECT_TRUE(Coded(AnalyzeText("نظم المزارعون البولنديون احتجاجات على الحدود مع أوكرانيا.", "2024-02-10"), "14", "POL",
                    "UKR"));
}

// «مجلس الأمن القومي في جورجيا» is Georgia's council, not the UN Security Council.
TEST(Engine, AnInstitutionOfTheStateAfterFi) {
  Analysis a = AnalyzeText("حذر مجلس الأمن القومي في أرمينيا من تصعيد على الحدود.", "2024-01-01");
  const Entity* council = nullptr;
  for (const std::vector<Entity>* v : {&a.entities, &a.nominals})
    for (const Entity& e : *v)
      if (e.canonical.find("security council") != std::string::npos) council = &e;
  ASSERT_NE(council, nullptr);
  ASSERT_TRUE(council->actor.has_value());
  EXPECT_EQ(council->actor->code, "ARMGOV");
}

// The wanted handed over are extradited (063); an agentless raising of alert in a force's
// ranks is that force's (152).
TEST(Events, ExtraditionAndAlertInAForcesRanks) {
  EXPECT_TRUE(Coded(AnalyzeText("سلّمت الإمارات إلى مصر ثلاثة من المطلوبين في قضايا عنف.", "2024-01-01"), "06", "ARE",
                    "EGY"));
  EXPECT_FALSE(Coded(AnalyzeText("سلم السفير الروسي رسالة إلى وزير الخارجية التركي.", "2024-01-01"), "06", "", ""));
  EXPECT_TRUE(Coded(AnalyzeText("تمّ رفع حالة التأهب في صفوف الجيش المصري على الحدود مع غزة.", "2024-01-01"), "15",
                    "EGY", ""));
}

// Joint production (061) and joint exercises (062) are cooperation between both sides.
TEST(Events, JointProductionAndExercises) {
  EXPECT_TRUE(Coded(AnalyzeText("ستبدأ إيطاليا واليابان إنتاجاً مشتركاً لمقاتلة من الجيل السادس.", "2024-01-01"), "06",
                    "", ""));
  Analysis a = AnalyzeText("بدأت القوات الهندية والفرنسية مناورات مشتركة في المحيط الهندي.", "2024-01-01");
  bool both = false;
  for (const Event& e : a.events)
    both |= e.cameo == "062" && e.source && e.target &&
            ((e.source->actor.country == "IND" && e.target->actor.country == "FRA") ||
             (e.source->actor.country == "FRA" && e.target->actor.country == "IND"));
  EXPECT_TRUE(both);
}

// The purpose of an act («لبحث», «من أجل التوصل إلى») has not happened: the visit is told,
// the talks it is for are not.
TEST(Events, APurposeIsNoEvent) {
  Analysis a = AnalyzeText("يزور الرئيس الإندونيسي اليابان الأسبوع المقبل لبحث التعاون الاقتصادي.", "2024-01-01");
  EXPECT_TRUE(Coded(a, "04", "IDN", "JPN"));
  for (const Event& e : a.events) EXPECT_NE(e.root, "06") << e.trigger.text;
  Analysis b = AnalyzeText("دعت قطر إلى الحوار بين الجانبين من أجل التوصل إلى اتفاق.", "2024-01-01");
  for (const Event& e : b.events) EXPECT_NE(e.cameo, "057") << e.trigger.text;
}


// A weapon's name tells an attack only where the weapon is fired or falls: arms built,
// bought or funded are no event.
TEST(Events, AWeaponNamedIsNoAttackUnlessFired) {
  EXPECT_FALSE(Coded(AnalyzeText("يتولى الحرس الثوري الإيراني تطوير نظم الصواريخ.", "2024-03-01"), "19", "", ""));
  EXPECT_FALSE(Coded(AnalyzeText("خصصت وزارة الدفاع الأمريكية مليار دولار لتمويل 30 طائرة بدون طيار.", "2024-03-01"),
                     "19", "", ""));
  EXPECT_TRUE(Coded(AnalyzeText("أطلقت حركة حماس عشرات الصواريخ على بلدات إسرائيلية.", "2024-03-01"), "19", "PSE", ""));
  EXPECT_TRUE(Coded(AnalyzeText("سقطت قذيفة هاون على حي سكني في دمشق.", "2024-03-01"), "19", "", "SYR"));
}

// «هاجم» a policy, a decision, a strike is words against it (111); «اغتصاب» land, power
// or a right is usurping it; unvoweled «هجر» abandons; «فجرت في» is «فـ» + «جرت».
TEST(Events, WordsThatLookViolentButAreNot) {
  Analysis a = AnalyzeText("هاجم الرئيس التركي سياسة الاتحاد الأوروبي تجاه اللاجئين.", "2024-03-01");
  EXPECT_TRUE(Coded(a, "11", "TUR", ""));
  EXPECT_FALSE(Coded(a, "19", "", ""));
  EXPECT_FALSE(Coded(AnalyzeText("اتهم الرئيس الفلسطيني إسرائيل باغتصاب الأرض.", "2024-03-01"), "18", "", ""));
  EXPECT_FALSE(Coded(AnalyzeText("هجرت فرنسا سياسة الحياد منذ سنوات.", "2024-03-01"), "20", "", ""));
  EXPECT_TRUE(Coded(AnalyzeText("هجّرت القوات الإسرائيلية آلاف السكان من شمال غزة.", "2024-03-01"), "20", "ISR", ""));
  EXPECT_FALSE(Coded(AnalyzeText("أما المحادثات بين مصر والسودان فجرت في القاهرة أمس.", "2024-03-01"), "18", "", ""));
  EXPECT_FALSE(Coded(AnalyzeText("فجرت كوريا الشمالية قنبلتها النووية الأولى.", "2024-03-01"), "18", "", ""));
}

// «…، داعياً X إلى …», «…، متهمةً X بـ…»: a circumstantial participle after a comma is an
// act of the main verb's subject toward the actor after it. «متهمة بـ» with no object is
// the passive (accused), no act.
TEST(Events, ACircumstantialParticipleContinuesTheSubject) {
  Analysis a = AnalyzeText("طردت النيجر ثلاثة دبلوماسيين من سفارة بنين، متهمة كوتونو بإيواء عناصر مسلحة.", "2025-02-14");
  EXPECT_TRUE(Coded(a, "11", "NER", "BEN"));
  EXPECT_TRUE(Coded(a, "17", "NER", "BEN"));
  Analysis b = AnalyzeText("اتهم الرئيس اللبناني إسرائيل بخرق الاتفاق، مطالباً الولايات المتحدة بممارسة ضغط عليها.",
                           "2025-02-14");
  EXPECT_TRUE(Coded(b, "10", "LBN", "USA"));
  EXPECT_FALSE(Coded(b, "10", "USA", ""));
  EXPECT_FALSE(Coded(AnalyzeText("قصفت قوات الدعم السريع مدينة الفاشر، متهمة بارتكاب انتهاكات.", "2025-02-14"),
                     "11", "SDN", ""));
}

// Three states joined by «و» all act; «البلدين» after an appeal are the two states named
// last; the state of a mission («سفارة بنين», «لدى باريس», «المفوضية الباكستانية») is the
// target of an expulsion or recall.
TEST(Events, ChainsPairsAndMissions) {
  Analysis a = AnalyzeText("حذّرت فرنسا وألمانيا وبريطانيا إيران من عواقب التصعيد.", "2024-09-11");
  for (const char* c : {"FRA", "DEU", "GBR"}) EXPECT_TRUE(Coded(a, "13", c, "IRN")) << c;
  EXPECT_FALSE(Coded(a, "13", "FRA", "GBR"));
  Analysis b = AnalyzeText("تبادلت الهند وباكستان إطلاق النار عبر خط المراقبة. ودعت الصين، الحليف الوثيق لباكستان، "
                           "البلدين إلى ضبط النفس.",
                           "2024-06-13");
  EXPECT_TRUE(Coded(b, "02", "CHN", "IND"));
  EXPECT_TRUE(Coded(b, "02", "CHN", "PAK"));
  EXPECT_TRUE(Coded(AnalyzeText("استدعت الجزائر سفيرها لدى باريس للتشاور.", "2024-07-30"), "16", "DZA", "FRA"));
  EXPECT_TRUE(Coded(AnalyzeText("أعلنت الهند طرد دبلوماسي يعمل في المفوضية العليا الباكستانية.", "2024-06-13"), "16",
                    "IND", "PAK"));
}

// The agency of a dateline («نيامي (الأناضول) -») is no actor of the news; an act
// announced by its actor («أعلنت السلطات العسكرية في النيجر، الخميس، طرد …») is that
// actor's; what a state condemns («توغل قوة إسرائيلية») names the condemned by the
// nationality of its force, a time between commas aside.
TEST(Events, DatelinesAnnouncementsAndCondemnedForces) {
  Analysis a = AnalyzeText(
      "نيامي (الأناضول) - أعلنت السلطات العسكرية في النيجر، الخميس، طرد ثلاثة دبلوماسيين من سفارة بنين.",
      "2025-02-14");
  EXPECT_TRUE(Coded(a, "17", "NER", "BEN"));
  for (const Event& e : a.events) EXPECT_FALSE(e.source && e.source->actor.country == "TUR") << e.cameo;
  Analysis b = AnalyzeText("أدانت وزارة الخارجية السورية، اليوم الخميس، توغل قوة إسرائيلية في ريف القنيطرة.",
                           "2025-04-17");
  EXPECT_TRUE(Coded(b, "11", "SYR", "ISR"));
  for (const Event& e : b.events) EXPECT_FALSE(e.root == "19" && e.source && e.source->actor.country == "SYR");
}

// The participle continues the main verb's subject, not that of a verb inside what is
// said; a comma ends a verb's clause for its subject; a count may stand between a light
// verb's subject and its noun; an indefinite nisba in the accusative names a state.
TEST(Events, MainSubjectsCountsAndAccusativeNisbas) {
  Analysis a = AnalyzeText(
      "قالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن موسكو \"لا ترى أي أساس\" للحوار، متهمة واشنطن "
      "وبرلين بإطالة أمد الحرب.",
      "2024-10-16");
  EXPECT_TRUE(Coded(a, "11", "RUS", "USA"));
  EXPECT_TRUE(Coded(a, "11", "RUS", "DEU"));
  EXPECT_FALSE(Coded(a, "01", "DEU", ""));
  EXPECT_TRUE(Coded(AnalyzeText("ومنذ ذلك الحين، شنت إسرائيل مئات الغارات على مواقع عسكرية في سوريا.", "2025-04-17"),
                    "19", "ISR", "SYR"));
  Analysis b = AnalyzeText("دمشق تدين توغلاً إسرائيلياً في ريف القنيطرة وفيدان يزور العاصمة السورية", "2025-04-17");
  EXPECT_TRUE(Coded(b, "11", "SYR", "ISR"));
  EXPECT_FALSE(Coded(b, "11", "SYR", "TUR"));
}

// A state body named bare («الجيش») in a report datelined in a state is that state's;
// «طرفي النزاع» are the two sides named last, of one state in a civil war, and «في جدة»
// after them is where; a force named after a comma-closed opening still acts.
TEST(Events, HomeStateSidesAndForcesAfterAnOpening) {
  Analysis a = AnalyzeText(
      "بورتسودان (رويترز) - قصف الجيش مواقع لقوات الدعم السريع في أم درمان. وقال وزير الخارجية الأمريكي إن بلاده "
      "تتابع الوضع، داعياً طرفي النزاع إلى العودة إلى المفاوضات في جدة.",
      "2024-05-14");
  EXPECT_TRUE(Coded(a, "19", "SDN", ""));
  EXPECT_TRUE(Coded(a, "02", "USA", "SDN"));
  EXPECT_FALSE(Coded(a, "02", "USA", "SAU"));
  Analysis b = AnalyzeText("وفي وقت لاحق، شنت طائرات أمريكية وبريطانية غارات على مواقع للحوثيين في الحديدة.",
                           "2024-04-15");
  EXPECT_TRUE(Coded(b, "19", "USA", "YEM"));
  EXPECT_TRUE(Coded(b, "19", "GBR", "YEM"));
}

// «يعتزم زيارة طهران» visits the place its genitive names; a verb joined by «و» after a
// comma goes on with the subject before it («استقبل السيسي حفتر، وبحث معه»); «سبل دعم
// الاستقرار» is a topic discussed, no act; «بلاده» is the country of the person speaking.
TEST(Events, VisitedPlacesJoinedVerbsTopicsAndTheSpeakersCountry) {
  Analysis a = AnalyzeText("يعتزم المدير العام للوكالة الدولية للطاقة الذرية رافائيل غروسي زيارة طهران.",
                           "2024-09-11");
  EXPECT_TRUE(Coded(a, "04", "IGO", "IRN"));
  Analysis b = AnalyzeText("استقبل الرئيس المصري عبد الفتاح السيسي المشير خليفة حفتر، وبحث معه سبل دعم الاستقرار في ليبيا.",
                           "2025-03-12");
  EXPECT_TRUE(Coded(b, "04", "EGY", "LBY"));
  EXPECT_FALSE(Coded(b, "04", "LBY", ""));
  EXPECT_FALSE(Coded(b, "05", "", ""));
  EXPECT_TRUE(Coded(AnalyzeText("ورد وزير الخارجية الإيراني عباس عراقجي على البيان قائلاً إن بلاده لن ترضخ للضغوط.",
                                "2024-09-11"),
                    "12", "IRN", ""));
}

// «غارة إسرائيلية قتلت قيادياً في حزب الله»: an attack named by its nationality before
// the verb is the subject, and the body of the member killed the target; «في غارة شنتها
// طائرة مسيّرة إسرائيلية» names who carried it out, and the drone is part of it.
TEST(Events, AttacksByNationalityAndTheForceThatCarriedThemOut) {
  Analysis a = AnalyzeText("غارة إسرائيلية قتلت قيادياً في حزب الله جنوب لبنان.", "2025-04-26");
  EXPECT_TRUE(Coded(a, "19", "ISR", "LBN"));
  Analysis b = AnalyzeText(
      "قُتل قيادي في حزب الله ومرافقه، اليوم السبت، في غارة شنتها طائرة مسيّرة إسرائيلية على سيارة في جنوب لبنان.",
      "2025-04-26");
  EXPECT_TRUE(Coded(b, "19", "ISR", "LBN"));
  int attacks = 0;
  for (const Event& e : b.events) attacks += e.root == "19";
  EXPECT_EQ(attacks, 1);
}

// A noun of force fired or launched by a verb takes the verb's subject («أطلقت قوات الأمن
// الغاز المسيل للدموع», «قد شنت غزوها الشامل لأوكرانيا»), not after a preposition («في
// هجوم»); sanctions that «تستهدف» ships attack nothing; a crowd named by its nationality
// before the verb protests for that nation.
TEST(Events, LaunchedForceSanctionsThatTargetAndNationalCrowds) {
  EXPECT_TRUE(Coded(AnalyzeText("وكانت روسيا قد شنت غزوها الشامل لأوكرانيا في 24 فبراير 2022.", "2025-06-20"), "19",
                    "RUS", "UKR"));
  EXPECT_TRUE(Coded(AnalyzeText("باريس - أ ف ب: أطلقت قوات الأمن الغاز المسيل للدموع لتفريق مئات المحتجين.", "2025-02-25"),
                    "17", "FRA", ""));
  Analysis a = AnalyzeText("فرض الاتحاد الأوروبي، اليوم الجمعة، حزمة جديدة من العقوبات على روسيا تستهدف 74 سفينة.",
                           "2025-06-20");
  EXPECT_TRUE(Coded(a, "16", "IGO", "RUS"));
  EXPECT_FALSE(Coded(a, "19", "", ""));
  EXPECT_TRUE(Coded(AnalyzeText("مزارعون فرنسيون تظاهروا بجراراتهم في باريس ضد اتفاق التجارة.", "2025-02-25"), "14",
                    "FRA", ""));
}

// A body's short name in parentheses is no target, and the addressees of an appeal may
// stand long before what it asks for («إلى "حوار صريح"»); a condemned act told before by
// its definite noun names its actor; «تحقيق أهدافها» achieves; a claimed attack is the
// claimant's attack.
TEST(Events, AppealsCondemnedActsAchievementsAndClaims) {
  Analysis a = AnalyzeText(
      "دعت المجموعة الاقتصادية لدول غرب أفريقيا (إيكواس) دول تحالف الساحل الثلاث، مالي والنيجر وبوركينا فاسو، إلى "
      "\"حوار صريح\" بشأن مستقبل حرية التنقل.",
      "2025-02-14");
  for (const char* c : {"MLI", "NER", "BFA"}) EXPECT_TRUE(Coded(a, "02", "IGO", c)) << c;
  EXPECT_FALSE(Coded(a, "04", "", ""));
  Analysis b = AnalyzeText("شنت الطائرات الإسرائيلية غارات على خان يونس. وحماس من جهتها أدانت الغارات.", "2024-09-22");
  EXPECT_TRUE(Coded(b, "11", "PSE", "ISR"));
  EXPECT_FALSE(Coded(AnalyzeText("قال نتنياهو إن إسرائيل لن توقف الحرب قبل تحقيق جميع أهدافها.", "2024-09-22"), "09",
                     "", ""));
  EXPECT_TRUE(Coded(AnalyzeText("تبنت حركة الشباب هجوماً على قاعدة عسكرية في الصومال.", "2024-09-22"), "19", "SOM",
                    ""));
}

// A visit goes to the place its clause names («حلّ عطاف بتونس في زيارة عمل»); a crowd
// counted in the singular with its nationality gathers in protest before a seat of power;
// two nationalities joined by «و» are two targets.
TEST(Events, VisitPlacesCrowdsBeforeSeatsAndTwoNationalities) {
  EXPECT_TRUE(Coded(AnalyzeText("حلّ وزير الشؤون الخارجية الجزائري أحمد عطاف، اليوم الأحد، بتونس في زيارة عمل تدوم يومين.",
                                "2025-05-11"),
                    "04", "DZA", "TUN"));
  EXPECT_TRUE(Coded(AnalyzeText("وفي بروكسل، تجمّع نحو 500 مزارع بلجيكي بجراراتهم أمام مقر المفوضية الأوروبية.",
                                "2025-02-25"),
                    "14", "BEL", "IGO"));
  Analysis a = AnalyzeText("أعلنت وزارة الخزانة الأمريكية فرض عقوبات على ثلاث شركات إماراتية وتركية.", "2025-06-20");
  EXPECT_TRUE(Coded(a, "16", "USA", "ARE"));
  EXPECT_TRUE(Coded(a, "16", "USA", "TUR"));
}

// A person introduced by a role takes the role's marker: «بحث … مع المبعوث الأممي إلى
// اليمن هانس غروندبرغ» meets the UN; «ضرورة التوصل إلى تهدئة» is asked for, not reached.
TEST(Events, RolesCarryTheirMarkerAndNecessitiesAreNoEvents) {
  EXPECT_TRUE(Coded(AnalyzeText("بحث وزير الخارجية السعودي مع المبعوث الأممي إلى اليمن هانس غروندبرغ جهود السلام.",
                                "2024-04-15"),
                    "04", "SAU", "IGO"));
  Analysis a = AnalyzeText("بحث وزير الخارجية المصري مع نظيره القطري سير المفاوضات، وأكد الجانبان ضرورة التوصل إلى تهدئة.",
                           "2024-09-22");
  EXPECT_TRUE(Coded(a, "04", "EGY", "QAT"));
  EXPECT_FALSE(Coded(a, "08", "", ""));
}

// «تضامناً مع», «رداً على», «دعماً لـ» after a clause give its reason; they are no events.
TEST(Events, AReasonInTheAccusativeIsNoEvent) {
  Analysis a = AnalyzeText("أطلق الحوثيون صواريخ على سفن تجارية في البحر الأحمر تضامناً مع الفلسطينيين.", "2024-04-15");
  EXPECT_TRUE(Coded(a, "19", "YEM", ""));
  EXPECT_FALSE(Coded(a, "05", "", ""));
  EXPECT_TRUE(Coded(AnalyzeText("أعلنت قطر تضامنها مع لبنان.", "2024-04-15"), "05", "QAT", "LBN"));
}

// A feminine dual's verb has its subjects before it («واليابان والفلبين … وحثّتا بكين»);
// a condemned act told before by its definite noun names its actor («أدان … الإطلاق»);
// «وحدات من الجيش الأرميني» is that army; a time between commas does not break a light
// verb's phrase; people of a body with an adjective («قائدين ميدانيين في …») are its.
TEST(Events, DualsAnaphoraUnitsAndTimesBetweenCommas) {
  Analysis a = AnalyzeText("أعربت اليابان والفلبين عن قلق بالغ، وحثّتا بكين على ضبط النفس.", "2025-10-13");
  EXPECT_TRUE(Coded(a, "02", "JPN", "CHN"));
  EXPECT_FALSE(Coded(a, "02", "CHN", ""));
  EXPECT_TRUE(Coded(AnalyzeText("أطلقت كوريا الشمالية صاروخاً باتجاه البحر. وأدان الرئيس الكوري الجنوبي الإطلاق.",
                                "2025-09-18"),
                    "11", "KOR", "PRK"));
  EXPECT_TRUE(Coded(AnalyzeText("اتهمت وزارة الدفاع الأذربيجانية وحدات من الجيش الأرميني بإطلاق النار.", "2025-04-24"),
                    "11", "AZE", "ARM"));
  EXPECT_TRUE(Coded(AnalyzeText("وأجرى وزير الخارجية الصيني وانغ يي، اليوم الثلاثاء، اتصالاً هاتفياً مع نظيره الباكستاني.",
                                "2025-02-25"),
                    "04", "CHN", "PAK"));
  EXPECT_TRUE(Coded(AnalyzeText("وفرضت وزارة الخزانة الأمريكية، أمس الاثنين، عقوبات على قائدين ميدانيين في قوات الدعم "
                                "السريع.",
                                "2024-05-14"),
                    "16", "USA", "SDN"));
}

// Only «متهم» reads as a passive before «بـ» («متهمة بارتكاب»); the other participles act
// with «بـ» («متعهدةً بمواصلة دعم …») and without a named object («داعيةً جميع الأطراف»).
TEST(Events, ParticiplesOtherThanAccusing) {
  EXPECT_TRUE(Coded(AnalyzeText("أدانت إثيوبيا الهجوم على القاعدة، متعهدةً بمواصلة دعم الحكومة الصومالية.", "2025-03-18"),
                    "03", "ETH", "SOM"));
  EXPECT_TRUE(Coded(AnalyzeText("أعربت بعثة الاتحاد الأوروبي عن قلقها، داعيةً جميع الأطراف إلى تجنب التصعيد.",
                                "2024-10-09"),
                    "02", "IGO", ""));
}

// The speaker of a quote is never inside what is said: not after «أنّ» («وأعلن أنه أمر
// الجيش "…"»: the army is no speaker), nor after a participle cue («مؤكداً أن الصين "…"»).
TEST(Engine, AQuotesSpeakerIsNotInWhatIsSaid) {
  Analysis a = AnalyzeText(
      "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار. وأعلن أنه أمر الجيش \"برفع درجة الاستعداد "
      "على الحدود\". وقال المتحدث باسم الخارجية الصينية إن بلاده تعارض العقوبات، مؤكداً أن الصين \"ستتخذ "
      "الإجراءات اللازمة لحماية شركاتها\".",
      "2024-10-09");
  ASSERT_EQ(a.quotes.size(), 2u);
  auto speaker = [&](const Quote& q) -> std::string {
    for (const auto* list : {&a.entities, &a.nominals})
      for (const Entity& e : *list)
        if (e.id == q.speaker) return e.span.text;
    return "";
  };
  EXPECT_EQ(speaker(a.quotes[0]), "سيرغي لافروف");
  EXPECT_NE(speaker(a.quotes[1]), "الصين");
  EXPECT_FALSE(speaker(a.quotes[1]).empty());
}

// Returning fire is fighting (190), against the side the fire came from.
TEST(Events, ReturningFireIsFighting) {
  EXPECT_TRUE(Coded(AnalyzeText("وقال متحدث باسم الجيش إن الجنود الهنود ردوا على إطلاق نار غير مبرر من الجانب الباكستاني.",
                                "2024-06-13"),
                    "19", "IND", "PAK"));
}

}  // namespace hadath
