/**
 * The simulator checks form-body signatures as the gateway does: parameters in an x-www-form-urlencoded body are
 * signed with the query's (V1) or through the body hash and the signed content-type (V3), and a body changed after
 * signing is refused.
 */
import { randomUUID } from 'node:crypto';

import { readCccCredentials } from '../../nodes/AlibabaCloudCcc/auth/cccCredentials';
import { signHttpRequest } from '../../nodes/AlibabaCloudCcc/auth/signHttpRequest';
import { DEMO_ACCESS_KEY, DEMO_STS_KEY } from '../../simulator/directory';
import { credentialsFor, useSimulator } from '../harness/simulatorFixture';

interface Sent {
	readonly url: string;
	readonly headers: Record<string, string>;
	readonly body?: string;
}

describe('the simulator verifies form-body signatures', () => {
	const simulator = useSimulator();

	const sign = (version: 'v1' | 'v3', key = DEMO_ACCESS_KEY): Sent => {
		const signed = signHttpRequest(
			{ method: 'POST', url: '/', qs: { Action: 'ListInstances', PageNumber: 1, PageSize: 5 }, body: { Note: 'lunch & learn', List: '["Ready","Break"]' } },
			readCccCredentials(credentialsFor(simulator(), key, version)),
			{ date: new Date(), nonce: randomUUID() },
		);
		return { url: signed.url, headers: signed.headers as Record<string, string>, body: signed.body as string };
	};
	const send = async ({ url, headers, body }: Sent) => {
		const response = await fetch(url, { method: 'POST', headers, body });
		return { status: response.status, code: ((await response.json()) as { Code: string }).Code };
	};

	describe.each(['v1', 'v3'] as const)('%s', (version) => {
		it.each([
			['an AccessKey', DEMO_ACCESS_KEY],
			['an STS token', DEMO_STS_KEY],
		])('accepts body parameters signed with %s and reads them as the action\'s parameters', async (_name, key) => {
			expect(await send(sign(version, key))).toEqual({ status: 200, code: 'OK' });
			expect(simulator().requests[0].params).toEqual({ PageNumber: '1', PageSize: '5', Note: 'lunch & learn', List: '["Ready","Break"]' });
		});

		it('refuses a body changed after signing', async () => {
			const sent = sign(version);
			const tampered = { ...sent, body: sent.body!.replace('Ready', 'Talky') };
			expect(await send(tampered)).toEqual({
				status: 400,
				code: version === 'v1' ? 'SignatureDoesNotMatch' : 'InvalidParameter',
			});
		});
	});

	it('V3: refuses a body whose content-type is not signed', async () => {
		const sent = sign('v3');
		const authorization = sent.headers.authorization.replace('content-type;', '');
		expect(await send({ ...sent, headers: { ...sent.headers, authorization } })).toEqual({ status: 400, code: 'IncompleteSignature' });
	});
});
