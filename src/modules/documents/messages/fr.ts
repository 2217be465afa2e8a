import type { PaymentMethod } from '../../payments/schema.ts';
import type { Messages } from './en.ts';

/** The French catalogue: the same messages as en.ts (its type says so), in French. */

/** French puts a (no-break) space before a colon. */
const COLON = '\u00a0:';

const methods: Record<PaymentMethod, string> = {
  card_online: 'carte',
  card_register: 'carte',
  cash: 'espèces',
  pay_at_pickup: 'paiement au retrait',
  gift_card: 'carte cadeau',
  loyalty_points: 'points de fidélité',
  store_credit: 'avoir',
};

export const fr: Messages = {
  invoice: {
    title: 'Facture',
    documentTitle: (invoice) => `Facture ${invoice}`,
    documentSubject: (order) => `Commande ${order}`,
    fileName: (order) => `facture-${order}.pdf`,
    showCode: 'Présentez ce code en magasin',
    vatNumber: (number) => `N° TVA intracommunautaire${COLON} ${number}`,
    companyId: (label, id) => `${label}${COLON} ${id}`,
    companyIdLabel: 'N° d’immatriculation',
    number: 'N° de facture',
    date: 'Date',
    order: 'Commande',
    orderedIn: 'Commandé sur',
    billedTo: 'Facturé à',
    columns: { sku: 'Réf.', title: 'Article', quantity: 'Qté', unitPrice: 'Prix unitaire', discount: 'Remise', tax: 'TVA', lineTotal: 'Total' },
    fees: { shipping: 'Livraison', packing: 'Emballage' },
    continued: (retailer, invoice, order) => `${retailer} · Facture ${invoice} · Commande ${order} (suite)`,
    vatIncluded: 'TVA incluse dans les prix',
    vat: 'TVA',
    rate: 'Taux',
    base: 'Base HT',
    tax: 'TVA',
    subtotal: 'Sous-total',
    discounts: 'Remises',
    feesTotal: 'Frais',
    ofWhichVat: 'dont TVA',
    total: 'Total TTC',
    paidBy: {
      card_online: 'Payé par carte',
      card_register: 'Payé par carte',
      cash: 'Payé en espèces',
      pay_at_pickup: 'Payé au retrait',
      gift_card: 'Payé par carte cadeau',
      loyalty_points: 'Payé en points de fidélité',
      store_credit: 'Payé par avoir',
    },
    refunded: (method) => `Remboursé (${methods[method]})`,
    toPayAtPickup: 'Reste à payer au retrait',
    thanks: (retailer) => `Merci de votre achat chez ${retailer}.`,
  },
  email: {
    hello: (name) => `Bonjour ${name},`,
    seeYouSoon: 'À bientôt\u00a0!',
    qrAlt: 'Code QR de votre commande',
    item: (quantity, title, sku) => `${quantity} × ${title} (${sku})`,
    toPayAtPickup: (amount) => `Reste à payer au retrait${COLON} ${amount}`,
    pickupCode: (code) => `Votre code de retrait${COLON} ${code}`,
    showAtCounter: (order) =>
      `Au comptoir, présentez ce code QR (ou donnez votre code de retrait ou le numéro de commande ${order}) et nous trouverons votre commande immédiatement.`,
    confirmation: {
      subject: (order) => `Votre commande ${order} est confirmée`,
      thanks: (order, file) => `Merci pour votre commande ${order}. Elle est confirmée, et votre facture est jointe (${file}).`,
      total: (amount) => `Total${COLON} ${amount}`,
      pickupAt: (store, address) => `Vous la retirerez à ${store}, ${address}.`,
      pickupNext:
        'Nous vous écrirons dès qu’elle sera prête. En magasin, présentez le code QR de la facture (sur votre téléphone ou imprimée) et nous trouverons votre commande immédiatement.',
    },
    ready: {
      subject: (order) => `Votre commande ${order} est prête à être retirée`,
      waiting: (order, store, address) => `Votre commande ${order} vous attend à ${store}, ${address}.`,
      until: (end) => `Nous la gardons pour vous jusqu’au ${end}.`,
    },
    reminder: {
      subject: (order) => `Rappel${COLON} votre commande ${order} vous attend`,
      waiting: (order, store, address, end) =>
        `Votre commande ${order} vous attend toujours à ${store}, ${address}. Merci de la retirer avant le ${end}${COLON} passé ce délai, elle sera annulée.`,
    },
    expired: {
      subject: (order) => `Votre commande ${order} n’a pas été retirée et a été annulée`,
      cancelled: (order, store) => `Votre commande ${order} vous attendait à ${store}, mais n’a pas été retirée à temps${COLON} nous l’avons donc annulée.`,
      refunded: (amount) => `Nous vous avons remboursé ${amount}.`,
      released: `Le montant réservé sur votre carte a été libéré${COLON} vous ne serez pas débité.`,
      nothingCharged: `Vous n’aviez rien payé pour cette commande${COLON} rien ne vous sera débité.`,
      sorry: 'Au plaisir de vous revoir bientôt.',
    },
    shipped: {
      subject: (order) => `Votre commande ${order} a été expédiée`,
      onItsWay: (order) => `Bonne nouvelle${COLON} votre commande ${order} est en route.`,
      carrier: (carrier, tracking) => `Transporteur${COLON} ${carrier}, numéro de suivi ${tracking}.`,
      carrierOnly: (carrier) => `Transporteur${COLON} ${carrier}.`,
      track: `Suivez votre colis${COLON}`,
    },
    newDate: {
      subject: (order) => `Votre commande ${order}${COLON} une nouvelle date`,
      waiting: (order) => `Certains articles de votre commande ${order} attendent l’arrivée du stock${COLON}`,
      expected: (day) => `Nous prévoyons désormais de vous les livrer d’ici le ${day}.`,
      sorry: 'Nous sommes désolés pour cette attente, et vous écrirons dès qu’ils seront en route.',
    },
  },
};
