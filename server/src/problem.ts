import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** RFC 9457 problem details; `title` and `detail` speak Vietnamese first, then English. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
}

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ / Invalid request',
  401: 'Chưa xác thực / Not authenticated',
  403: 'Không có quyền / Forbidden',
  404: 'Không tìm thấy / Not found',
  413: 'Dữ liệu quá lớn / Payload too large',
  429: 'Quá nhiều yêu cầu / Too many requests',
  500: 'Lỗi máy chủ / Internal server error',
  503: 'Máy chủ tạm ngừng / Service unavailable',
};

export function problemResponse(status: ContentfulStatusCode, detail: string, errors?: Problem['errors']): Response {
  const body: Problem = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Lỗi / Error',
    status,
    detail,
    ...(errors ? { errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
  });
}

/** A problem the client may retry in `seconds`, as its `Retry-After` header tells it. */
export function retryLater(status: 429 | 503, seconds: number, detail: string): Response {
  const res = problemResponse(status, detail);
  res.headers.set('Retry-After', String(seconds));
  return res;
}

/** 429: the client (its token, or its address) is over its rate. */
export function tooManyRequests(seconds: number): Response {
  return retryLater(
    429,
    seconds,
    `Quá nhiều yêu cầu, thử lại sau ${seconds} giây / Too many requests; retry in ${seconds} s.`,
  );
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  errors?: Problem['errors'],
): Response {
  c.res = problemResponse(status, detail, errors);
  return c.res;
}
