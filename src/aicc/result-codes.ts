/**
 * Vendor result codes and the short human message each maps to (from the api-docs README and the
 * vendor pages). A code not listed here is shown with the vendor's own `resultDesc`.
 */
export const ISALES_SUCCESS = '0200000';
export const CMS_SUCCESS = '0100000';
export const ISALES_NOT_FOUND = '0200007';
export const OIFDE_TOKEN_EXPIRED = '900001';

const MESSAGES: Readonly<Record<string, string>> = {
  '0200001': 'parameter error',
  '0200007': 'call record not found',
  '02000001': 'a parameter is empty',
  '02000002': 'a parameter contains illegal characters',
  '02000003': 'a parameter is too long',
  '02000004': 'a parameter is too short',
  '02000005': 'a parameter length is out of range',
  '02000006': 'a parameter has the wrong type',
  '02000007': 'a parameter value is out of range',
  '02000008': 'a parameter could not be converted',
  '02000009': 'the parameter combination is not valid (batch needs a campaign)',
  '02000010': 'hour and minute must be given together',
  '02000011': 'too many parameters',
  '0200011': 'the campaign is in a state that does not allow this',
  '0100001': 'the query failed',
  '0100002': 'invalid parameter',
  '0100003': 'only supported on CTI V3R8',
  '0100999': 'unknown CMS error',
  '0101001': 'quality-check relationship error',
  '0101002': 'number not in UAP',
  '0101003': 'insufficient permission',
  '900001': 'no token or token expired',
};

/** Short English meaning of a vendor result code, or undefined when it is not a documented one. */
export function describeResultCode(code: string | undefined): string | undefined {
  return code === undefined ? undefined : MESSAGES[code];
}

/** Codes that mean "the thing asked for does not exist" rather than "the request was wrong". */
export function isNotFoundCode(code: string | undefined): boolean {
  return code === ISALES_NOT_FOUND;
}

/** Codes that mean the caller sent something the vendor refused. */
export function isParameterCode(code: string | undefined): boolean {
  return code !== undefined && (/^020000(0[1-9]|1[01])$/.test(code) || code === '0200001' || code === '0100002');
}
