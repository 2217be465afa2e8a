/** The demo retailer, "Maison Rhône": a warehouse outside Lyon and three stores in the city (real coordinates). */

const store = (code: string, name: string, line1: string, postalCode: string, latitude: number, longitude: number, dailyCapacity: number) => ({
  code,
  name,
  type: 'store',
  address: { line1, postalCode, city: 'Lyon', country: 'FR' },
  latitude,
  longitude,
  timezone: 'Europe/Paris',
  openingHours: { mon: ['10:00-19:30'], tue: ['10:00-19:30'], wed: ['10:00-19:30'], thu: ['10:00-19:30'], fri: ['10:00-20:00'], sat: ['09:30-20:00'] },
  capabilities: ['register_sales', 'click_and_collect', 'ship_from_store', 'accepts_returns', 'receives_transfers'],
  dailyCapacity,
  capacityWindows: [],
  groups: ['lyon', 'stores'],
  active: true,
});

export const WAREHOUSE = {
  code: 'WH-SAINT-PRIEST',
  name: 'Entrepôt Saint-Priest',
  type: 'warehouse',
  address: { line1: '12 rue du Dauphiné', postalCode: '69800', city: 'Saint-Priest', country: 'FR' },
  latitude: 45.7004,
  longitude: 4.9356,
  timezone: 'Europe/Paris',
  openingHours: { mon: ['06:00-22:00'], tue: ['06:00-22:00'], wed: ['06:00-22:00'], thu: ['06:00-22:00'], fri: ['06:00-22:00'] },
  capabilities: ['ships_orders', 'receives_transfers', 'accepts_returns'],
  dailyCapacity: 2000,
  capacityWindows: [],
  groups: ['lyon'],
  active: true,
};

export const STORES = [
  store('LYON-REPUBLIQUE', 'Lyon République', '45 rue de la République', '69002', 45.7625, 4.8358, 120),
  store('LYON-PART-DIEU', 'Lyon Part-Dieu', '17 rue du Docteur Bouchut', '69003', 45.761, 4.8555, 150),
  store('LYON-CROIX-ROUSSE', 'Lyon Croix-Rousse', '110 boulevard de la Croix-Rousse', '69004', 45.7742, 4.8309, 80),
];

interface Item {
  name: string;
  skuPrefix: string;
  price: number;
  taxClass: 'standard' | 'reduced';
  weightGrams: number;
  axis: string | null;
  values: string[];
}

const ITEMS: Item[] = [
  { name: 'T-shirt', skuPrefix: 'TSH', price: 1990, taxClass: 'standard', weightGrams: 180, axis: 'size', values: ['S', 'M', 'L', 'XL'] },
  { name: 'Sweatshirt', skuPrefix: 'SWT', price: 4990, taxClass: 'standard', weightGrams: 520, axis: 'size', values: ['S', 'M', 'L', 'XL'] },
  { name: 'Jeans', skuPrefix: 'JNS', price: 6990, taxClass: 'standard', weightGrams: 650, axis: 'waist', values: ['W30', 'W32', 'W34', 'W36'] },
  { name: 'Chino', skuPrefix: 'CHN', price: 5990, taxClass: 'standard', weightGrams: 500, axis: 'waist', values: ['W30', 'W32', 'W34', 'W36'] },
  { name: 'Sneakers', skuPrefix: 'SNK', price: 8990, taxClass: 'standard', weightGrams: 900, axis: 'size', values: ['40', '41', '42', '43', '44'] },
  { name: 'Wool scarf', skuPrefix: 'SCF', price: 2490, taxClass: 'standard', weightGrams: 150, axis: 'colour', values: ['Navy', 'Camel'] },
  { name: 'Cap', skuPrefix: 'CAP', price: 1990, taxClass: 'standard', weightGrams: 90, axis: 'colour', values: ['Black', 'Sand'] },
  { name: 'Backpack', skuPrefix: 'BPK', price: 5990, taxClass: 'standard', weightGrams: 800, axis: 'colour', values: ['Black', 'Olive'] },
  { name: 'Mug', skuPrefix: 'MUG', price: 1290, taxClass: 'standard', weightGrams: 350, axis: null, values: [] },
  { name: 'Notebook', skuPrefix: 'NTB', price: 890, taxClass: 'standard', weightGrams: 200, axis: 'format', values: ['A5', 'A4'] },
  { name: 'Scented candle', skuPrefix: 'CDL', price: 1590, taxClass: 'standard', weightGrams: 300, axis: null, values: [] },
  { name: 'Throw blanket', skuPrefix: 'BLK', price: 3990, taxClass: 'standard', weightGrams: 1200, axis: null, values: [] },
  { name: 'Socks', skuPrefix: 'SCK', price: 990, taxClass: 'standard', weightGrams: 60, axis: 'size', values: ['35-38', '39-42', '43-46'] },
  { name: 'Rain jacket', skuPrefix: 'RJK', price: 8990, taxClass: 'standard', weightGrams: 700, axis: 'size', values: ['S', 'M', 'L', 'XL'] },
  { name: 'Water bottle', skuPrefix: 'BTL', price: 1990, taxClass: 'standard', weightGrams: 250, axis: 'volume', values: ['500 ml', '750 ml'] },
  { name: 'Tote bag', skuPrefix: 'TOT', price: 1490, taxClass: 'standard', weightGrams: 120, axis: null, values: [] },
  { name: 'Cookbook', skuPrefix: 'BOK', price: 2490, taxClass: 'reduced', weightGrams: 900, axis: null, values: [] },
  { name: 'Coffee beans', skuPrefix: 'CAF', price: 890, taxClass: 'reduced', weightGrams: 250, axis: 'weight', values: ['250 g', '1 kg'] },
  { name: 'Dress', skuPrefix: 'DRS', price: 5990, taxClass: 'standard', weightGrams: 400, axis: 'size', values: ['XS', 'S', 'M', 'L'] },
  { name: 'Sunglasses', skuPrefix: 'SUN', price: 3490, taxClass: 'standard', weightGrams: 40, axis: null, values: [] },
];

const COLLECTIONS = ['Rhône', 'Fourvière', 'Saône', 'Bellecour', 'Croix-Rousse', 'Part-Dieu', 'Confluence', 'Terreaux', 'Brotteaux', 'Gerland'];

/** 20 items × 10 collections: 200 products, 500 variants. */
export const CATALOG = COLLECTIONS.flatMap((collection, collectionIndex) =>
  ITEMS.map((item) => ({
    title: `${item.name} ${collection}`,
    slug: `${item.skuPrefix.toLowerCase()}-${collectionIndex}`,
    description: `${item.name} from the ${collection} collection.`,
    skuPrefix: `${item.skuPrefix}${collectionIndex}`,
    taxClass: item.taxClass,
    weightGrams: item.weightGrams,
    // Later collections cost a little more: prices end in 90 cents, as shelf prices do.
    price: item.price + collectionIndex * 100,
    variants: item.axis === null ? [{}] : item.values.map((value) => ({ [item.axis!]: value })),
  })),
);

export const CUSTOMER_NAMES = {
  first: [
    'Camille',
    'Léa',
    'Manon',
    'Chloé',
    'Louis',
    'Hugo',
    'Jules',
    'Lucas',
    'Inès',
    'Zoé',
    'Agnieszka',
    'Katarzyna',
    'Piotr',
    'Tomasz',
    'Marta',
    'Paweł',
    'Emma',
    'Nathan',
    'Sarah',
    'Théo',
  ],
  last: [
    'Martin',
    'Bernard',
    'Dubois',
    'Thomas',
    'Robert',
    'Richard',
    'Petit',
    'Durand',
    'Leroy',
    'Moreau',
    'Nowak',
    'Kowalski',
    'Wiśniewska',
    'Wójcik',
    'Kamińska',
    'Lewandowski',
    'Girard',
    'Bonnet',
    'Fontaine',
    'Rousseau',
  ],
};

/** [postcode, latitude, longitude]: approximate centres, so routing can measure the distance to an address without coordinates. */
const FRENCH_POSTCODES: [string, number, number][] = [
  // Lyon, by arrondissement, and the towns around it.
  ['69001', 45.77, 4.83],
  ['69002', 45.75, 4.827],
  ['69003', 45.758, 4.86],
  ['69004', 45.778, 4.827],
  ['69005', 45.758, 4.802],
  ['69006', 45.77, 4.852],
  ['69007', 45.733, 4.84],
  ['69008', 45.735, 4.87],
  ['69009', 45.775, 4.805],
  ['69100', 45.7719, 4.8902], // Villeurbanne
  ['69120', 45.778, 4.921], // Vaulx-en-Velin
  ['69130', 45.774, 4.777], // Écully
  ['69150', 45.769, 4.959], // Décines-Charpieu
  ['69200', 45.6975, 4.8867], // Vénissieux
  ['69300', 45.795, 4.846], // Caluire-et-Cuire
  ['69500', 45.738, 4.913], // Bron
  ['69600', 45.714, 4.808], // Oullins
  ['69800', 45.696, 4.944], // Saint-Priest
  // Paris.
  ['75001', 48.8626, 2.3363],
  ['75002', 48.8683, 2.3428],
  ['75003', 48.863, 2.36],
  ['75004', 48.8543, 2.3576],
  ['75005', 48.8445, 2.3498],
  ['75006', 48.8491, 2.3328],
  ['75007', 48.8561, 2.3121],
  ['75008', 48.8727, 2.3125],
  ['75011', 48.859, 2.38],
  ['75015', 48.8421, 2.2928],
  ['75018', 48.8925, 2.3444],
  ['75020', 48.8634, 2.4011],
  // Marseille, Lille, Bordeaux and other cities.
  ['13001', 43.2999, 5.3841],
  ['13006', 43.287, 5.38],
  ['13008', 43.241, 5.385],
  ['59000', 50.633, 3.058], // Lille
  ['59100', 50.6942, 3.1746], // Roubaix
  ['33000', 44.8378, -0.5792], // Bordeaux
  ['33300', 44.865, -0.57], // Bordeaux-Bastide north
  ['31000', 43.6045, 1.444], // Toulouse
  ['44000', 47.2184, -1.5536], // Nantes
  ['67000', 48.5734, 7.7521], // Strasbourg
  ['06000', 43.7031, 7.2661], // Nice
  ['38000', 45.1885, 5.7245], // Grenoble
  ['42000', 45.4397, 4.3872], // Saint-Étienne
  ['34000', 43.6108, 3.8767], // Montpellier
  ['35000', 48.1173, -1.6778], // Rennes
];

export const POSTCODES = FRENCH_POSTCODES.map(([postalCode, latitude, longitude]) => ({ country: 'FR', postalCode, latitude, longitude }));
