// Arabic labels for the codes the API returns: CAMEO roots, modalities, entity
// types, actor codes (country + sector), relation kinds, and the colours the
// charts give them. Pure data and small lookups; no DOM.

// The 20 CAMEO roots (doc: CODEBOOK.md). Quad class: 1 verbal cooperation,
// 2 material cooperation, 3 verbal conflict, 4 material conflict.
export const ROOTS = {
  '01': 'إدلاء بتصريح علني',
  '02': 'مناشدة',
  '03': 'إبداء نية التعاون',
  '04': 'تشاور',
  '05': 'تعاون دبلوماسي',
  '06': 'تعاون مادي',
  '07': 'تقديم مساعدة',
  '08': 'تنازل',
  '09': 'تحقيق',
  '10': 'مطالبة',
  '11': 'استنكار وانتقاد',
  '12': 'رفض',
  '13': 'تهديد',
  '14': 'احتجاج',
  '15': 'استعراض القوة',
  '16': 'تقليص العلاقات',
  '17': 'إكراه',
  '18': 'اعتداء',
  '19': 'قتال',
  '20': 'عنف جماعي غير تقليدي',
};

// Cooperation in greens and blues, verbal conflict in ambers, material
// conflict in reds and purples, so a stacked bar reads at a glance.
export const ROOT_COLORS = {
  '01': '#9aa7b4', '02': '#8cc4e8', '03': '#4fa3d9', '04': '#1f6fb2',
  '05': '#19a38c', '06': '#0e7a5f', '07': '#3fae49', '08': '#9ccc3c',
  '09': '#f2d04b', '10': '#f5ab35', '11': '#ea8a3c', '12': '#d9632b',
  '13': '#b5451b', '14': '#c59be0', '15': '#8e44ad', '16': '#e8707a',
  '17': '#c8333f', '18': '#8f1d2c', '19': '#5c0f1c', '20': '#2b1a3a',
};

export const QUADS = {
  1: 'تعاون لفظي', 2: 'تعاون مادي', 3: 'نزاع لفظي', 4: 'نزاع مادي',
};

export const MODALITIES = {
  asserted: 'مؤكَّد',
  negated: 'منفي',
  future: 'مستقبلي',
  possible: 'محتمل',
  reported: 'منقول',
};

export const ENTITY_TYPES = {
  PER: 'شخص',
  ORG: 'منظمة أو هيئة',
  GPE: 'دولة أو كيان سياسي',
  LOC: 'مكان',
  NORP: 'جنسية أو جماعة',
  FAC: 'منشأة',
  EVENT: 'حدث مسمّى',
  MISC: 'أخرى',
};

export const TIME_TYPES = {
  DATE: 'تاريخ', TIME: 'وقت', DURATION: 'مدة', SET: 'تكرار',
};

export const RELATIONS = {
  ally: 'تحالف', partner: 'شراكة', adversary: 'عداء', tension: 'توتر',
};

export const RELATION_COLORS = {
  ally: '#1e8449', partner: '#2874a6', adversary: '#b03a2e', tension: '#d68910',
};

// CAMEO sector codes (the three letters after the country).
export const SECTORS = {
  GOV: 'الحكومة', MIL: 'الجيش', COP: 'الشرطة', LEG: 'البرلمان', JUD: 'القضاء',
  PTY: 'حزب', OPP: 'المعارضة', REB: 'مسلحون', SPY: 'الاستخبارات',
  UAF: 'قوات غير نظامية', PRE: 'سلطة أمر واقع', AGR: 'الزراعة', BUS: 'قطاع الأعمال',
  CRM: 'جماعة إجرامية', CVL: 'المدنيون', EDU: 'التعليم', ELI: 'النخبة',
  JRN: 'الصحافة', LAB: 'العمال', MED: 'الإعلام', REF: 'اللاجئون', REL: 'جهة دينية',
  SOC: 'المجتمع', HLH: 'الصحة', ENV: 'البيئة', HRI: 'حقوق الإنسان', MOD: 'معتدلون',
  RAD: 'متشددون', IGO: 'منظمة دولية', NGO: 'منظمة غير حكومية',
};

// International bodies coded IGO + three letters (data/organisations.tsv).
const BODIES = {
  UNO: 'الأمم المتحدة', EEC: 'الاتحاد الأوروبي', ARL: 'جامعة الدول العربية',
  GCC: 'مجلس التعاون الخليجي', AFU: 'الاتحاد الأفريقي', OIC: 'منظمة التعاون الإسلامي',
  NAT: 'حلف شمال الأطلسي', ICC: 'المحكمة الجنائية الدولية', ICJ: 'محكمة العدل الدولية',
  IAE: 'الوكالة الدولية للطاقة الذرية', IMF: 'صندوق النقد الدولي', WBK: 'البنك الدولي',
  OPC: 'أوبك', SCO: 'منظمة شنغهاي للتعاون', BRC: 'بريكس', COE: 'مجلس أوروبا',
  SCE: 'منظمة الأمن والتعاون في أوروبا', WHO: 'منظمة الصحة العالمية',
  WFP: 'برنامج الأغذية العالمي', HCR: 'مفوضية اللاجئين', GTW: 'مجموعة العشرين',
  GOS: 'مجموعة السبع', WTO: 'منظمة التجارة العالمية', ITP: 'الإنتربول',
  CIS: 'رابطة الدول المستقلة', AMU: 'اتحاد المغرب العربي', WAS: 'إيكواس',
};

// ISO 3166 alpha-3 → alpha-2 (the standard table), so that the browser's own
// CLDR data names the country in Arabic (Intl.DisplayNames).
const ALPHA3 =
  'AFGAFALBALDZADZANDADAGOAOATGAGARGARARMAMAUSAUAUTATAZEAZBHSBSBHRBHBGDBDBRBBBBLRBY' +
  'BELBEBLZBZBENBJBTNBTBOLBOBIHBABWABWBRABRBRNBNBGRBGBFABFBDIBICPVCVKHMKHCMRCMCANCA' +
  'CAFCFTCDTDCHLCLCHNCNCOLCOCOMKMCOGCGCRICRCIVCIHRVHRCUBCUCYPCYCZECZPRKKPCODCDDNKDK' +
  'DJIDJDMADMDOMDOECUECEGYEGSLVSVGNQGQERIERESTEESWZSZETHETFJIFJFINFIFRAFRGABGAGMBGM' +
  'GEOGEDEUDEGHAGHGRCGRGRDGDGTMGTGINGNGNBGWGUYGYHTIHTHNDHNHUNHUISLISINDINIDNIDIRNIR' +
  'IRQIQIRLIEISRILITAITJAMJMJPNJPJORJOKAZKZKENKEKIRKIKWTKWKGZKGLAOLALVALVLBNLBLSOLS' +
  'LBRLRLBYLYLIELILTULTLUXLUMDGMGMWIMWMYSMYMDVMVMLIMLMLTMTMHLMHMRTMRMUSMUMEXMXFSMFM' +
  'MDAMDMCOMCMNGMNMNEMEMARMAMOZMZMMRMMNAMNANRUNRNPLNPNLDNLNZLNZNICNINERNENGANGMKDMK' +
  'NORNOOMNOMPAKPKPLWPWPANPAPNGPGPRYPYPERPEPHLPHPOLPLPRTPTQATQAKORKRROURORUSRURWARW' +
  'KNAKNLCALCVCTVCWSMWSSMRSMSTPSTSAUSASENSNSRBRSSYCSCSLESLSGPSGSVKSKSVNSISLBSBSOMSO' +
  'ZAFZASSDSSESPESLKALKSDNSDSURSRSWESECHECHSYRSYTJKTJTHATHTLSTLTGOTGTONTOTTOTTTUNTN' +
  'TURTRTKMTMTUVTVUGAUGUKRUAAREAEGBRGBTZATZUSAUSURYUYUZBUZVUTVUVENVEVNMVNYEMYEZMBZM' +
  'ZWEZWPSEPSVATVAXKXXKTWNTWESHEHHKGHKGRLGLPRIPR';
const ALPHA2 = new Map();
for (let i = 0; i + 5 <= ALPHA3.length; i += 5) {
  ALPHA2.set(ALPHA3.slice(i, i + 3), ALPHA3.slice(i + 3, i + 5));
}
// Names the way Arabic news writes them where CLDR differs.
const COUNTRY_OVERRIDES = {
  PSE: 'فلسطين', XKX: 'كوسوفو', IGO: 'منظمة دولية', NGO: 'منظمة غير حكومية',
  IMG: 'جماعة دولية مسلحة', MNC: 'شركة متعددة الجنسيات', ISM: 'حركة إسلامية',
  UNO: 'الأمم المتحدة', EUR: 'أوروبا',
};

let displayNames = null;
try {
  displayNames = new Intl.DisplayNames(['ar'], { type: 'region' });
} catch {
  displayNames = null;
}

/** Arabic name of an ISO alpha-3 country code, or null when unknown. */
export function countryName(code) {
  if (!code) return null;
  if (COUNTRY_OVERRIDES[code]) return COUNTRY_OVERRIDES[code];
  const a2 = ALPHA2.get(code);
  if (!a2 || !displayNames) return null;
  try {
    const name = displayNames.of(a2);
    return name && name !== a2 ? name : null;
  } catch {
    return null;
  }
}

/**
 * Arabic reading of a CAMEO actor code: "RUSGOV" → "روسيا – الحكومة",
 * "IGOUNO" → "الأمم المتحدة". Returns null when nothing is known.
 */
export function actorName(code) {
  if (!code || typeof code !== 'string') return null;
  const head = code.slice(0, 3);
  const rest = code.slice(3);
  if (head === 'IGO') {
    const body = BODIES[rest.slice(0, 3)];
    return body || (rest ? null : 'منظمة دولية');
  }
  const country = countryName(head);
  if (!country) return null;
  if (!rest) return country;
  const parts = [];
  for (let i = 0; i + 3 <= rest.length; i += 3) {
    const s = SECTORS[rest.slice(i, i + 3)];
    if (s) parts.push(s);
  }
  return parts.length ? `${country} – ${parts.join('، ')}` : country;
}

export function rootName(root) {
  return ROOTS[root] || null;
}

export function rootColor(root) {
  return ROOT_COLORS[root] || '#777';
}

/**
 * Colour of a mean Goldstein score (−10 conflictual … +10 cooperative) in five
 * steps; the graph legend shows the same steps.
 */
export const GOLDSTEIN_STEPS = [
  { max: -5, color: '#922b21', label: 'نزاع شديد (≤ −5)' },
  { max: -0.05, color: '#e67e22', label: 'نزاع' },
  { max: 0.05, color: '#8a96a3', label: 'محايد (0)' },
  { max: 5, color: '#52be80', label: 'تعاون' },
  { max: Infinity, color: '#1d6f42', label: 'تعاون وثيق (≥ 5)' },
];

export function goldsteinStep(g) {
  const v = Number.isFinite(g) ? g : 0;
  for (let i = 0; i < GOLDSTEIN_STEPS.length; i++) {
    if (v <= GOLDSTEIN_STEPS[i].max) return i;
  }
  return GOLDSTEIN_STEPS.length - 1;
}

// Names of the API's parameters as a user saw them in the forms.
export const PARAMETERS = {
  q: 'نص البحث', from: 'من تاريخ', to: 'إلى تاريخ', actor: 'الفاعل',
  country: 'الدولة', root: 'جذر CAMEO', modality: 'الصيغة', source: 'المصدر',
  doc: 'الوثيقة', limit: 'عدد النتائج', offset: 'بداية الصفحة', known: 'known',
};
