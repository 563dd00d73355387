/*
 * Who did it: the admin names its signed-in operator to the API in one header, so a run
 * records who started it and a retry's log row who asked. A name is ASCII so that it can
 * travel in a header as is.
 */

/** The header the admin sends with the operator's username (the API trusts it as much as its bearer token). */
export const OPERATOR_HEADER = 'x-hub-operator';

/** An operator's username: 1–64 of a–z, 0–9, '.', '_', '-', starting with a letter or digit. */
export const OPERATOR_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** What an operator name must look like, said once for every message that refuses one. */
export const OPERATOR_NAME_RULE = '1–64 characters of a–z, 0–9, ".", "_" or "-", starting with a letter or digit';
