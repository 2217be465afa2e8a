import type { Words } from './en.ts';

/** Les mots de l’application magasin en français (la boutique de démonstration est à Lyon). */
export const fr: Words = {
  appName: 'Aisle Magasin',
  language: 'Langue',
  signIn: {
    title: 'Connexion au magasin',
    email: 'E-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    failed: 'E-mail ou mot de passe non reconnu.',
  },
  signOut: 'Se déconnecter',
  nav: { register: 'Caisse', counter: 'Retrait', work: 'Préparation', stock: 'Stock' },
  store: 'Magasin',
  chooseStore: 'Choisir un magasin',
  chooseRegister: 'Choisir la caisse de cet appareil',
  noRegister: 'Aucune caisse dans ce magasin.',
  loading: 'Chargement…',
  retry: 'Réessayer',
  offline: {
    banner: 'Hors ligne : les ventes en espèces sont gardées sur cet appareil et envoyées au retour du serveur.',
    queued: 'ventes en attente d’envoi',
  },
  stock: {
    title: 'Stock d’un article',
    search: 'Référence ou code-barres',
    find: 'Chercher',
    location: 'Lieu',
    distance: 'Distance',
    onHand: 'En stock',
    reserved: 'Réservé',
    available: 'Disponible',
    here: 'ce magasin',
    notFound: 'Aucun article avec ce code.',
  },
  scanned: 'Scanné',
};
