/**
 * The retailer customer documents come from (the configuration's RETAILER_* settings, `src/config.ts`): its name,
 * address and legal mentions printed on invoices, how it writes amounts and dates, and its time zone.
 */
export interface Retailer {
  name: string;
  addressLines: string[];
  /** The intra-community VAT number (FR12123456789). */
  vatNumber?: string | undefined;
  /** The company's registration number: in France the SIRET (123 456 789 00012). */
  companyId?: string | undefined;
  /** Legal form, share capital and trade register, as one line: "SAS au capital de 10 000 € · RCS Lyon 123 456 789". */
  legalNotice?: string | undefined;
  /** Language and country, e.g. fr-FR: the language documents default to, and the country whose legal mentions apply. */
  locale: string;
  /** IANA time zone dates are written in (Europe/Paris when absent). */
  timeZone?: string | undefined;
}

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export const timeZoneOf = (retailer: Pick<Retailer, 'timeZone'>) => retailer.timeZone ?? DEFAULT_TIME_ZONE;

/** The retailer's country (ISO 3166), from its locale: FR for fr-FR. */
export const countryOf = (retailer: Pick<Retailer, 'locale'>) => retailer.locale.split('-')[1]?.toUpperCase() ?? '';
