import { RepRole } from "./rep.entity";

/** Reads a rep's role from a job title; null when the title names none. */
export function roleFromTitle(title: string | null | undefined): RepRole | null {
  if (!title) return null;
  if (/\b(customer success|csm|account manager|client success)\b/i.test(title)) return RepRole.CSM;
  if (/\b(sales engineer|solutions? engineer|solutions? architect|pre-?sales|se)\b/i.test(title)) return RepRole.SE;
  if (/\b(account executive|ae|sales executive|account director|sales director)\b/i.test(title)) return RepRole.AE;
  return null;
}
