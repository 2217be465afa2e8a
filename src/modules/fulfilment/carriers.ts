import { InvalidInput } from '../../platform/errors.ts';
import { renderLabelPdf } from './label.ts';

/**
 * Carriers behind one small interface: a retailer's integration (a parcel API that prices, books and returns a
 * label) is one object passed in by the composition root (src/policies.ts, `carriers`). Aisle ships one: the manual
 * carrier, for a store that hands its parcels to a carrier's counter or driver, types the carrier and the tracking
 * number written on the carrier's receipt, and prints Aisle's own label.
 */

export interface Party {
  name: string;
  addressLines: string[];
  country: string;
}

export interface ShipmentRequest {
  orderNumber: string;
  groupId: string;
  service?: string | undefined;
  parcels: { box: string; weightGrams: number }[];
  from: Party;
  to: Party;
  /** What staff typed in the request (the manual carrier's carrier and tracking number). */
  typed: { carrierName?: string | undefined; trackingNumber?: string | undefined };
}

export interface CarrierShipment {
  /** The carrier as the customer knows it (in the shipped email and on the order). */
  carrierName: string;
  trackingNumber: string;
  trackingUrl?: string | undefined;
  /** Each parcel's own tracking number, in the order of the request's parcels, when the carrier gives one per parcel. */
  parcelTrackingNumbers?: string[] | undefined;
  /** The label to stick on the parcel, as a PDF. */
  label: Buffer;
}

export interface Carrier {
  /** How requests name it (`manual`). */
  name: string;
  title: string;
  services: { code: string; name: string }[];
  /** Staff type the carrier and tracking number themselves. */
  typedByStaff: boolean;
  /** Books the shipment with the carrier: its tracking number and label. Refuses (InvalidInput, RuleViolation) what it cannot take. */
  createShipment(request: ShipmentRequest): Promise<CarrierShipment>;
}

export type Carriers = readonly Carrier[];

/** The carrier a request names, or a 400 listing those there are. */
export function carrierNamed(carriers: Carriers, name: string): Carrier {
  const carrier = carriers.find((candidate) => candidate.name === name);
  if (!carrier) throw new InvalidInput([{ field: 'body.carrier', message: `is not a carrier here; there are: ${carriers.map((c) => c.name).join(', ')}` }]);
  return carrier;
}

/** Where the customer follows a parcel of the carriers staff most often type, by the name typed (case and spaces aside). */
const TRACKING_PAGES: Record<string, (trackingNumber: string) => string> = {
  colissimo: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}`,
  laposte: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}`,
  chronopost: (n) => `https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=${n}`,
  dhl: (n) => `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${n}`,
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  inpost: (n) => `https://inpost.pl/sledzenie-przesylek?number=${n}`,
};

/** The tracking page of a parcel, when the carrier typed is one Aisle knows. */
export function trackingPageOf(carrierName: string, trackingNumber: string): string | undefined {
  return TRACKING_PAGES[carrierName.toLowerCase().replace(/[\s-]/g, '')]?.(encodeURIComponent(trackingNumber));
}

/** The manual carrier: what staff type is the shipment; Aisle draws the label. */
export const manualCarrier: Carrier = {
  name: 'manual',
  title: 'Another carrier (type its name and tracking number)',
  services: [],
  typedByStaff: true,
  async createShipment(request) {
    const errors = [
      ...(request.typed.carrierName ? [] : [{ field: 'body.carrierName', message: 'is required with the manual carrier (Colissimo, DHL…)' }]),
      ...(request.typed.trackingNumber ? [] : [{ field: 'body.trackingNumber', message: 'is required with the manual carrier' }]),
    ];
    if (errors.length) throw new InvalidInput(errors);
    const carrierName = request.typed.carrierName!;
    const trackingNumber = request.typed.trackingNumber!;
    const label = await renderLabelPdf({
      carrierName,
      service: request.service ?? null,
      trackingNumber,
      orderNumber: request.orderNumber,
      from: request.from,
      to: request.to,
      parcels: request.parcels,
    });
    return { carrierName, trackingNumber, trackingUrl: trackingPageOf(carrierName, trackingNumber), label };
  },
};

export const DEFAULT_CARRIERS: Carriers = [manualCarrier];
