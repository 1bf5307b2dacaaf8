// The JSON API client (doc/formats/http-api.md) and the Arabic wording of its
// errors. Every failure — an API error object, a non-JSON answer, a network
// failure, a timeout — becomes an ApiError that the views show to the user.

import { PARAMETERS } from './labels.js';

const TIMEOUT_MS = 30000;

export class ApiError extends Error {
  constructor({ status = 0, code = 'unknown', message = '', parameter = null, position = null }) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.apiMessage = message;
    this.parameter = parameter;
    this.position = position;
  }
}

/** Query string of the non-empty entries of an object or URLSearchParams. */
export function queryString(params) {
  const out = new URLSearchParams();
  if (params) {
    const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
    for (const [k, v] of entries) {
      if (v !== undefined && v !== null && String(v).trim() !== '') out.set(k, String(v).trim());
    }
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}

/** GET an API path; resolves to the parsed JSON or throws an ApiError. */
export async function apiGet(path, params) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response;
  let body = null;
  let raw = '';
  try {
    response = await fetch(path + queryString(params), {
      headers: { Accept: 'application/json' },
      signal: controller.signal,
    });
    raw = await response.text();
  } catch (e) {
    throw new ApiError({
      code: e && e.name === 'AbortError' ? 'timeout' : 'network',
      message: String(e && e.message ? e.message : e),
    });
  } finally {
    clearTimeout(timer);
  }
  try {
    body = JSON.parse(raw);
  } catch {
    body = null;
  }
  const err = body && typeof body === 'object' ? body.error : null;
  if (err && typeof err === 'object') {
    throw new ApiError({
      status: err.status ?? response.status,
      code: err.code || 'unknown',
      message: err.message || '',
      parameter: err.parameter ?? null,
      position: err.position ?? null,
    });
  }
  if (!response.ok) {
    throw new ApiError({ status: response.status, code: 'http', message: raw.slice(0, 300) });
  }
  if (body === null || typeof body !== 'object') {
    throw new ApiError({ status: response.status, code: 'bad_response', message: raw.slice(0, 300) });
  }
  return body;
}

// The query parser's messages (doc/formats/search.md), in Arabic.
const QUERY_MESSAGES = [
  [/quote never closed/, 'علامة التنصيص لم تُغلق: أضف علامة التنصيص الختامية (") أو احذف الافتتاحية.'],
  [/OR needs a term after it/, 'تحتاج «OR» إلى كلمة بعدها.'],
  [/OR needs a term before it/, 'تحتاج «OR» إلى كلمة قبلها.'],
  [/AND needs a term after it/, 'تحتاج «AND» إلى كلمة بعدها.'],
  [/AND needs a term before it/, 'تحتاج «AND» إلى كلمة قبلها.'],
  [/NOT needs a term before it/, 'تحتاج «NOT» إلى كلمة قبلها (اكتب «أ NOT ب»).'],
  [/NOT needs a term after it/, 'تحتاج «NOT» إلى كلمة بعدها.'],
  [/\( never closed/, 'القوس «(» لم يُغلق.'],
  [/\) without a matching \(/, 'القوس «)» بلا قوس افتتاحي يقابله.'],
  [/no words to search for/, 'لا توجد كلمات يمكن البحث عنها.'],
  [/too (long|many|deep)|limit/i, 'الاستعلام أطول أو أعقد مما يُسمح به.'],
];

/**
 * The Arabic wording of an error: {title, text, detail}. `detail` is the
 * server's own (English) message, shown folded for whoever reports a bug.
 */
export function describeError(error) {
  const e = error instanceof ApiError ? error : new ApiError({ message: String(error) });
  const param = e.parameter ? PARAMETERS[e.parameter] || e.parameter : null;
  const at = Number.isInteger(e.position) ? ` (عند الحرف ${e.position})` : '';
  let title = 'حدث خطأ';
  let text = 'تعذّر إكمال الطلب.';
  switch (e.code) {
    case 'invalid_query': {
      title = 'صيغة البحث غير صحيحة';
      const hit = QUERY_MESSAGES.find(([re]) => re.test(e.apiMessage));
      text = (hit ? hit[1] : 'راجع صيغة الاستعلام.') + at;
      break;
    }
    case 'invalid_parameter':
      title = 'قيمة غير صالحة';
      if (e.parameter === 'from' || e.parameter === 'to') {
        text = `حقل «${param}»: اكتب التاريخ بالصيغة YYYY أو YYYY-MM أو YYYY-MM-DD (مثل 2023-09-20).`;
      } else if (e.parameter === 'root') {
        text = 'حقل «جذر CAMEO»: اختر جذراً من القائمة (رقمان من 01 إلى 20).';
      } else if (e.parameter === 'q') {
        text = 'اكتب كلمة واحدة على الأقل في خانة البحث.';
      } else {
        text = param ? `القيمة في حقل «${param}» غير مقبولة.` : 'إحدى القيم المُدخلة غير مقبولة.';
      }
      break;
    case 'not_found':
      title = 'غير موجود';
      text = 'لم يُعثر على ما طلبته: ربما حُذفت الوثيقة أو أن الرابط غير صحيح.';
      break;
    case 'busy':
      title = 'الخادم مشغول';
      text = 'لم يكتمل الطلب في الوقت المحدد. حاول مجدداً بعد قليل أو ضيّق نطاق البحث.';
      break;
    case 'internal':
      title = 'خطأ في الخادم';
      text = 'تعذّر على الخادم قراءة قاعدة البيانات.';
      break;
    case 'too_large':
      title = 'الطلب كبير جداً';
      text = 'حجم الطلب يتجاوز الحد المسموح به.';
      break;
    case 'method_not_allowed':
      title = 'طلب غير مدعوم';
      text = 'لا يقبل الخادم هذا النوع من الطلبات.';
      break;
    case 'network':
      title = 'تعذّر الاتصال بالخادم';
      text = 'تأكد من أن الخادم (hadath serve) يعمل ثم أعد تحميل الصفحة.';
      break;
    case 'timeout':
      title = 'انتهت مهلة الانتظار';
      text = 'لم يردّ الخادم خلال 30 ثانية. حاول مجدداً.';
      break;
    case 'bad_response':
    case 'http':
      title = 'ردّ غير متوقع من الخادم';
      text = e.status ? `أعاد الخادم ردّاً لا يمكن قراءته (رمز الحالة ${e.status}).` : 'أعاد الخادم ردّاً لا يمكن قراءته.';
      break;
    default:
      break;
  }
  const detail = [e.status ? `HTTP ${e.status}` : '', e.code, e.apiMessage].filter(Boolean).join(' · ');
  return { title, text, detail };
}
