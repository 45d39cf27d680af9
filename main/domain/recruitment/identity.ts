import type { PersonIdentity } from './types';

/**
 * Every personal field, empty. An import starts each row from it; an erasure writes it over the
 * person. Typed as the whole PersonIdentity: a personal field added later must be listed here,
 * and is then wiped by an erasure without anyone having to remember it.
 */
export const BLANK_IDENTITY: Readonly<PersonIdentity> = Object.freeze({
  externalId: null,
  firstName: '',
  lastName: '',
  email: null,
  phone: null,
  street: null,
  houseNumber: null,
  postcode: null,
  city: null,
  birthYear: null,
  language: null,
});
