/**
 * Randomized comparison with the official SDK helpers (`@alicloud/openapi-util`, a devDependency): for a few
 * hundred calls with awkward keys and values, some with form-body parameters, our V1 and V3 signatures must equal
 * the SDK's.
 */
import OpenApiUtil from '@alicloud/openapi-util';
import { createHash } from 'node:crypto';
import { parse } from 'node:querystring';

import { signRpcV1 } from '../../nodes/AlibabaCloudCcc/signing/signV1';
import { signRpcV3 } from '../../nodes/AlibabaCloudCcc/signing/signV3';
import type { AccessKey, RpcCall, SigningMoment } from '../../nodes/AlibabaCloudCcc/signing/types';

const CASES = 300;

/** mulberry32: a small seeded PRNG, so a failure reproduces. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const AWKWARD = [' ', '+', '*', '~', '!', "'", '(', ')', '/', '=', '&', '%', ':', '@', 'é', '中', '😀', '-', '_', '.'];
const PLAIN = [...'abcXYZ0123456789'];

function makeCases(seed: number) {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	const text = (maxLength: number) =>
		Array.from({ length: Math.floor(random() * (maxLength + 1)) }, () => (random() < 0.5 ? pick(AWKWARD) : pick(PLAIN))).join('');

	return Array.from({ length: CASES }, (_, index) => {
		// A unique plain prefix fixes the order, so that sorting raw or encoded names agrees; the rest is awkward.
		const someParams = (prefix: string, min: number) => {
			const params: Record<string, string> = {};
			const count = min + Math.floor(random() * 5);
			for (let n = 0; n < count; n++) params[`${prefix}${String(n).padStart(2, '0')}${text(4)}`] = text(12);
			return params;
		};
		const params = someParams('P', 1);
		// Half the calls also send form-body parameters, such as ListRealtimeAgentStates' JSON-array lists.
		const body = random() < 0.5 ? { ...someParams('B', 1), BList: JSON.stringify([text(6), 'Ready']) } : undefined;
		const key: AccessKey = {
			accessKeyId: `AK${index}${text(3).replace(/[^A-Za-z0-9]/g, '')}`,
			accessKeySecret: `secret ${text(10)}`,
			...(random() < 0.5 ? { securityToken: `sts+/=${text(20)}` } : {}),
		};
		const call: RpcCall = {
			method: random() < 0.8 ? 'POST' : 'GET',
			host: random() < 0.5 ? 'ccc.cn-shanghai.aliyuncs.com' : '127.0.0.1:8080',
			action: pick(['ReadyForService', 'TakeBreak', 'ListInstances']),
			version: '2020-07-01',
			params,
			...(body ? { body } : {}),
		};
		const moment: SigningMoment = {
			date: new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 2e11)),
			nonce: createHash('md5').update(String(random())).digest('hex'),
		};
		return { call, key, moment };
	});
}

/** Decodes our wire query back into its pairs. */
function parseQuery(query: string): Record<string, string> {
	return Object.fromEntries(
		query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
	);
}

const cases = makeCases(20200701);

describe('signing agrees with the official Alibaba SDK helpers', () => {
	it(`V1: ${CASES} random calls give the signature getRPCSignature gives over query and body`, () => {
		for (const { call, key, moment } of cases) {
			const { query, body } = signRpcV1(call, key, moment);
			const { Signature: ours, ...queryParams } = parseQuery(query);
			const bodyParams = body === undefined ? {} : (parse(body) as Record<string, string>);
			expect(bodyParams).toEqual(call.body ?? {});
			const sdk = OpenApiUtil.getRPCSignature({ ...queryParams, ...bodyParams }, call.method, key.accessKeySecret);
			expect({ call, ours }).toEqual({ call, ours: sdk });
		}
	});

	it(`V3: ${CASES} random calls give the Authorization getAuthorization gives`, () => {
		for (const { call, key, moment } of cases) {
			const { headers, body = '' } = signRpcV3(call, key, moment);
			// A gateway reads the form body back into the parameters that were sent.
			expect(parse(body)).toEqual(call.body ?? {});
			expect(headers['content-type']).toBe(call.body ? 'application/x-www-form-urlencoded' : undefined);
			const { authorization: ours, ...signedHeaders } = headers;
			// getAuthorization leaves query names unencoded (Alibaba's spec encodes them): hand it names already
			// encoded by the SDK's own encoder.
			const query = Object.fromEntries(
				Object.entries(call.params).map(([name, value]) => [OpenApiUtil.getEncodeParam(name), value]),
			);
			const request = { method: call.method, pathname: '/', query, headers: signedHeaders };
			const sdk = OpenApiUtil.getAuthorization(
				// The helper reads only these four fields of its Tea request type.
				request as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0],
				'ACS3-HMAC-SHA256',
				// The SDK's own hash of the exact bytes that are sent.
				OpenApiUtil.hash(Buffer.from(body), 'ACS3-HMAC-SHA256').toString('hex'),
				key.accessKeyId,
				key.accessKeySecret,
			);
			expect({ call, ours }).toEqual({ call, ours: sdk });
		}
	});

	it('covers what the cases are meant to cover', () => {
		const values = cases.flatMap(({ call }) => Object.entries(call.params).flat());
		for (const char of [' ', '+', '*', '~', '!', "'", '(', ')', '/', '=', '&', 'é', '中']) {
			expect(values.some((value) => value.includes(char))).toBe(true);
		}
		expect(values).toContain('');
		for (const sts of [true, false]) {
			for (const withBody of [true, false]) {
				expect(cases.some(({ key, call }) => !!key.securityToken === sts && !!call.body === withBody)).toBe(true);
			}
		}
	});
});
