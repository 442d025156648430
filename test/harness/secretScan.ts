import type { TestCredentialsHelper } from '../../scripts/engine/credentialsHelper';

/** Every signature the requests carried (V3 Authorization and V1 Signature parameter). */
export function signaturesSent(helper: TestCredentialsHelper): string[] {
	return helper.authenticated.flatMap(({ output }) => {
		const authorization = String(output.headers?.authorization ?? '');
		const v3 = /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
		const v1 = /[?&]Signature=([^&]+)/.exec(output.url)?.[1];
		return [v3, v1 && decodeURIComponent(v1), v1].filter((found): found is string => Boolean(found));
	});
}

/** What of `secrets` occurs in `haystack` (compared as JSON text, so nested values count). */
export function leakedSecrets(haystack: unknown, secrets: readonly string[]): string[] {
	const text = typeof haystack === 'string' ? haystack : JSON.stringify(haystack, errorAwareReplacer);
	return secrets.filter((secret) => secret.length >= 6 && text.includes(secret));
}

/** Errors serialise to `{}` by default: spell out their own fields, message and description included. */
function errorAwareReplacer(_key: string, value: unknown): unknown {
	if (value instanceof Error) {
		return Object.fromEntries(
			[...Object.getOwnPropertyNames(value), 'message', 'description', 'stack', 'cause'].map((name) => [
				name,
				(value as unknown as Record<string, unknown>)[name],
			]),
		);
	}
	return value;
}
