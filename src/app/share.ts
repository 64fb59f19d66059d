/** `/playground#code=<base64url of UTF-8>`: share links that carry their code with them. */

export function encodeCode(code: string): string {
  const bytes = new TextEncoder().encode(code);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The code in a share link's hash, or null when it has none or it does not decode. */
export function decodeCode(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('code');
  if (value === null || !/^[A-Za-z0-9_-]*$/.test(value)) return null;
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function shareLink(
  code: string,
  origin = location.origin,
  base = import.meta.env.BASE_URL,
): string {
  return `${origin}${base}playground#code=${encodeCode(code)}`;
}
