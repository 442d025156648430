import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

import { readCccCredentials } from '../../nodes/AlibabaCloudCcc/auth/cccCredentials';
import { signHttpRequest } from '../../nodes/AlibabaCloudCcc/auth/signHttpRequest';
import { DEMO_ACCESS_KEY, loadAgentId } from '../../simulator/directory';
import { credentialsFor } from '../../simulator/agents';

/** The three ways the benchmark calls ReadyForService N times, `concurrency` at a time. */

export const agentParams = (index: number) => ({
	InstanceId: 'ccc-load',
	DeviceId: `dev-${index}`,
	UserId: loadAgentId(index),
	OutboundScenario: 'false',
});

/** Runs `task` for 0..count-1 with at most `concurrency` at once (a sliding window). */
export async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count) await task(next++);
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** The lower bound: our signer and a keep-alive HTTP agent, nothing else. */
export async function bareLoop(endpoint: string, count: number, concurrency: number): Promise<void> {
	const credentials = readCccCredentials(credentialsFor({ url: endpoint }));
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	await pool(count, concurrency, async (index) => {
		const signed = signHttpRequest(
			{ method: 'POST', url: '/', qs: { Action: 'ReadyForService', ...agentParams(index) } },
			credentials,
			{ date: new Date(), nonce: randomUUID() },
		);
		await new Promise<void>((resolve, reject) => {
			const call = request(signed.url, { method: 'POST', agent, headers: signed.headers as Record<string, string> }, (response) => {
				let body = '';
				response.on('data', (chunk: Buffer) => (body += chunk.toString()));
				response.on('end', () => (response.statusCode === 200 && body.includes('"OK"') ? resolve() : reject(new Error(body))));
			});
			call.on('error', reject);
			call.end();
		});
	});
	agent.destroy();
}

/** The official SDK client (`@alicloud/openapi-client`, V3 signatures as its default), `callApi` as the CCC SDK calls it. */
export async function officialSdk(endpoint: string, count: number, concurrency: number): Promise<void> {
	const client = new OpenApiClient(new Config({ ...DEMO_ACCESS_KEY, endpoint: new URL(endpoint).host, protocol: 'http' }));
	const params = new Params({
		action: 'ReadyForService',
		version: '2020-07-01',
		protocol: 'HTTP',
		pathname: '/',
		method: 'POST',
		authType: 'AK',
		style: 'RPC',
		reqBodyType: 'formData',
		bodyType: 'json',
	});
	await pool(count, concurrency, async (index) => {
		const answer = await client.callApi(params, new OpenApiRequest({ query: agentParams(index) }), new RuntimeOptions({}));
		if ((answer.body as { Code?: string }).Code !== 'OK') throw new Error(JSON.stringify(answer.body));
	});
}
