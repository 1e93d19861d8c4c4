/** Our ids are UUIDs; Gong's are numeric strings of up to 20 digits (beyond 2^53: never parse them). */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GONG_ID_RE = /^\d{1,20}$/;

export const isUuid = (s: string): boolean => UUID_RE.test(s);
export const isGongId = (s: string): boolean => GONG_ID_RE.test(s);
