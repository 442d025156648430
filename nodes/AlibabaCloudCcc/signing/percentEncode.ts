/**
 * Alibaba's percent-encoding (RFC 3986 over UTF-8): only `A-Z a-z 0-9 - _ . ~` stay literal, hex is upper-case.
 * `encodeURIComponent` leaves `! ' ( ) *` literal, so those five are escaped on top.
 */
export function percentEncode(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}
