/** Amounts as a customer reads them, from integer minor units. */

const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

/**
 * `formatMoney(123456, 'EUR', 'fr-FR')` is "1 234,56 €" (with the narrow no-break space French uses).
 * The amount is turned into a decimal string by integer division and Intl formats that string as it is, so no
 * binary floating-point value ever stands between the stored cents and the printed ones.
 */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(minorUnits)) throw new RangeError(`An amount must be a whole number of minor units, got ${minorUnits}.`);
  const format = currencyFormat(locale, currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const scale = 10n ** BigInt(digits);
  const magnitude = BigInt(Math.abs(minorUnits));
  const whole = magnitude / scale;
  const fraction = (magnitude % scale).toString().padStart(digits, '0');
  const decimal = `${minorUnits < 0 ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
  return format.format(decimal as Intl.StringNumericLiteral);
}

/** A tax rate kept in basis points: 2000 is "20 %" in fr-FR, 550 is "5,5 %". */
export function formatRate(basisPoints: number, locale: string): string {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) throw new RangeError(`A tax rate must be whole basis points, got ${basisPoints}.`);
  const fraction = String(basisPoints % 10_000).padStart(4, '0');
  const ratio = `${Math.trunc(basisPoints / 10_000)}.${fraction}` as Intl.StringNumericLiteral;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(ratio);
}
