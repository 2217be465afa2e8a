/** The register (POS): its parts live in ./register/. */
export { default } from './register/index.tsx';
