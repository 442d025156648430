export interface CanonicalHeaders {
	/** `name:value\n` for each signed header, sorted by lower-case name. */
	readonly block: string;
	/** The lower-case names joined by `;`, as `SignedHeaders` names them. */
	readonly signedHeaders: string;
}

/** V3 signs every `host`, `content-type` and `x-acs-*` header, and no other. */
export function isSignedHeader(lowerCaseName: string): boolean {
	return lowerCaseName === 'host' || lowerCaseName === 'content-type' || lowerCaseName.startsWith('x-acs-');
}

export function canonicalHeaders(headers: Readonly<Record<string, string>>): CanonicalHeaders {
	const signed = Object.entries(headers)
		.map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
		.filter(([name]) => isSignedHeader(name))
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return {
		block: signed.map(([name, value]) => `${name}:${value}\n`).join(''),
		signedHeaders: signed.map(([name]) => name).join(';'),
	};
}
