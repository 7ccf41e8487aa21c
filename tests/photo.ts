// The photo-like image tests make at run time (no binary fixture): see scripts/make-photo.mjs.
export { makePhoto, type PhotoOptions } from '../scripts/make-photo.mjs';
