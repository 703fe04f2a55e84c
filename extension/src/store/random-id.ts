const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${LOWER_ALNUM}`;

function randomString(length: number, alphabet: string): string {
  // Bytes at or above the largest multiple of the alphabet's size are dropped, so every
  // character is equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** This browser profile's id: the HLC node id and the push's `clientId`, lower case so it reads well in logs. */
export function newClientId(): string {
  return randomString(16, LOWER_ALNUM);
}

/** 20 characters of 62: a retried push is recognised by this id, so it must never repeat. */
export function newMutationId(): string {
  return randomString(20, ALNUM);
}
