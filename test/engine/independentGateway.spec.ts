/**
 * An independent check: a minimal stand-in for CCC's gateway, written here without the simulator or the state table,
 * that answers ReadyForService as CCC does for agents who are OFFLINE, TALKING, WORKING and BREAK (JSON or XML).
 * It checks no signature: what is under test is how the node reads CCC's answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runCccWorkflow } from '../../scripts/engine/runWorkflow';

type Format = 'json' | 'xml';

const STATES: Record<string, string> = {
	'olga@ccc-demo': 'OFFLINE',
	'tom@ccc-demo': 'TALKING',
	'wendy@ccc-demo': 'WORKING',
	'ben@ccc-demo': 'BREAK',
	// CCC's own documentation example: Code OK, and the agent still OFFLINE.
	'otto@ccc-demo': 'OFFLINE, answered OK',
};

function answer(format: Format, userId: string): { status: number; body: string } {
	const state = STATES[userId];
	const requestId = `6F1E2D3C-0000-4000-8000-${userId.length.toString().padStart(12, '0')}`;
	if (state === 'OFFLINE' || state === 'TALKING') {
		const message = `The operation is not allowed. User state (${state}) does not meet expectations (BREAK,READY,WORKING).`;
		return {
			status: 400,
			body:
				format === 'json'
					? JSON.stringify({ RequestId: requestId, HttpStatusCode: 400, Code: 'InvalidOperation.UserState', Message: message, Params: [state, 'BREAK,READY,WORKING'] })
					: `<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>${requestId}</RequestId><HttpStatusCode>400</HttpStatusCode><Code>InvalidOperation.UserState</Code><Message>${message}</Message><Params>${state}</Params><Params>BREAK,READY,WORKING</Params></Error>`,
		};
	}
	const now = state === 'OFFLINE, answered OK' ? 'OFFLINE' : 'READY';
	return {
		status: 200,
		body:
			format === 'json'
				? JSON.stringify({ RequestId: requestId, HttpStatusCode: 200, Code: 'OK', Data: { UserId: userId, InstanceId: 'ccc-demo', UserState: now, BreakCode: '', OutboundScenario: false, SignedSkillGroupIdList: [] } })
				: `<?xml version="1.0" encoding="UTF-8"?><ReadyForServiceResponse><RequestId>${requestId}</RequestId><HttpStatusCode>200</HttpStatusCode><Code>OK</Code><Data><UserId>${userId}</UserId><InstanceId>ccc-demo</InstanceId><UserState>${now}</UserState><BreakCode></BreakCode><OutboundScenario>false</OutboundScenario></Data></ReadyForServiceResponse>`,
	};
}

describe.each<Format>(['json', 'xml'])('the node against a gateway stand-in of its own (%s)', (format) => {
	let server: Server;
	let url: string;
	const asked: string[] = [];

	beforeAll(async () => {
		server = createServer((request, response) => {
			const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
			const userId = query.get('UserId') ?? '';
			asked.push(`${query.get('Action') ?? request.headers['x-acs-action']}:${userId}`);
			const { status, body } = answer(format, userId);
			response.writeHead(status, { 'content-type': format === 'json' ? 'application/json;charset=utf-8' : 'text/xml;charset=utf-8' });
			response.end(body);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	it("makes the agent's state a field of the error item, with different hints for OFFLINE and TALKING; an OFFLINE agent CCC accepts is passed on as CCC answered", async () => {
		const userIds = Object.keys(STATES);
		const result = await runCccWorkflow({
			items: userIds.map((userId) => ({ instanceId: 'ccc-demo', deviceId: 'any-device', userId })),
			parameters: { instanceId: '={{ $json.instanceId }}', deviceId: '={{ $json.deviceId }}', userId: '={{ $json.userId }}', outboundScenario: false, options: {} },
			credentials: { region: 'cn-shanghai', accessKeyId: 'stand-in-id', accessKeySecret: 'stand-in-secret', securityToken: '', customEndpoint: url, signatureVersion: 'v3' },
			onError: 'continueErrorOutput',
		});
		expect(asked).toEqual(userIds.map((userId) => `ReadyForService:${userId}`));
		expect(result.success.map((item) => [item.pairedItem, item.json.UserId, item.json.UserState])).toEqual([
			[{ item: 2 }, 'wendy@ccc-demo', 'READY'],
			[{ item: 3 }, 'ben@ccc-demo', 'READY'],
			[{ item: 4 }, 'otto@ccc-demo', 'OFFLINE'],
		]);
		type Details = { code: string; httpStatus: number; agentState: string; acceptedStates: string[]; hint: string };
		const refused = result.errors.map((item) => ({ paired: item.pairedItem, ...(item.json.details as Details) }));
		expect(refused.map(({ paired, code, httpStatus, agentState, acceptedStates }) => [paired, code, httpStatus, agentState, acceptedStates])).toEqual([
			[{ item: 0 }, 'InvalidOperation.UserState', 400, 'OFFLINE', ['BREAK', 'READY', 'WORKING']],
			[{ item: 1 }, 'InvalidOperation.UserState', 400, 'TALKING', ['BREAK', 'READY', 'WORKING']],
		]);
		const [offlineHint, talkingHint] = refused.map(({ hint }) => String(hint));
		expect(offlineHint).not.toBe(talkingHint);
		expect(offlineHint).toMatch(/not signed in/);
		expect(offlineHint).toMatch(/sign(s)? in to the CCC workbench/);
		expect(talkingHint).toMatch(/on a call/);
		expect(talkingHint).toMatch(/after the call/);
		asked.length = 0;
	});
});
