/** Dates as a customer reads them: in the document's locale and the retailer's time zone (the API's are UTC). */

/** "7 décembre 2026" (fr-FR), "7 December 2026" (en-GB). */
export function formatDay(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(iso));
}

/** "samedi 12 décembre 2026 à 19:00" (fr-FR), "Saturday, 12 December 2026 at 19:00" (en-GB). */
export function formatDayAndTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "07/12/2026 10:15" (fr-FR and en-GB): the short form a receipt or a till report prints. */
export function formatShortDateAndTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "07/12/2026" (fr-FR and en-GB). */
export function formatShortDay(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone }).format(new Date(iso));
}
