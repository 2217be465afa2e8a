/** The code printed on invoices and confirmations that a register scans to recall an order. */
import QRCode from 'qrcode';

const QR_PREFIX = 'AISLE-ORDER:';
const ORDER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** What the invoice's QR code says, so that a scan at the register recalls the order. */
export function orderQrPayload(orderNumber: string): string {
  if (!ORDER_NUMBER.test(orderNumber)) throw new RangeError(`Order number ${JSON.stringify(orderNumber)} cannot go in a QR code.`);
  return QR_PREFIX + orderNumber;
}

/**
 * The order number a register scan names, or null for any other code (a product barcode, a loyalty card…).
 * Scanners that type into a field often add a line ending, and some change the letters' case.
 */
export function parseOrderQrPayload(text: string): string | null {
  const scanned = text.trim();
  if (scanned.slice(0, QR_PREFIX.length).toUpperCase() !== QR_PREFIX) return null;
  const orderNumber = scanned.slice(QR_PREFIX.length);
  return ORDER_NUMBER.test(orderNumber) ? orderNumber : null;
}

/** The QR code as a PNG picture, as printed on the invoice and shown in the ready-for-pickup email. */
export function orderQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
}
