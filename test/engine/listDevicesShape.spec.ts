import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { LIST_DEVICES_NODE_TYPE, runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { credentialsFor } from '../harness/simulatorFixture';

/** A gateway stand-in that answers every request with a successful ListDevices answer carrying `data` as Data. */
describe('ListDevices answers without the documented shape, through n8n\'s engine', () => {
	let data: unknown;
	let requests = 0;
	let server: Server;
	let url = '';
	beforeAll(async () => {
		server = createServer((_request, response) => {
			requests++;
			response.setHeader('content-type', 'application/json');
			response.end(JSON.stringify({ RequestId: 'B2A1C3D4-0000-4000-8000-000000000001', HttpStatusCode: 200, Code: 'OK', Message: '', Data: data }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise((resolve) => server.close(resolve)));
	beforeEach(() => (requests = 0));

	const soon = Date.now() + 3_600_000;
	const cases = [
		{ name: 'Expires missing', answer: [{ DeviceId: 'dev-1', DeviceType: 'WEBRTC' }], problem: 'device 1 of 1 (dev-1) has no Expires' },
		{ name: 'Expires as an ISO time', answer: [{ DeviceId: 'dev-1', Expires: new Date(soon).toISOString() }], problem: `device 1 of 1 (dev-1) has Expires "${new Date(soon).toISOString()}", not epoch milliseconds` },
		{ name: 'Expires in seconds', answer: [{ DeviceId: 'dev-1', Expires: Math.floor(soon / 1000) }], problem: `device 1 of 1 (dev-1) has Expires ${Math.floor(soon / 1000)}, too small for epoch milliseconds (seconds?)` },
		{ name: 'Data as {}', answer: {}, problem: 'device 1 of 1 has no DeviceId ({})' },
		{ name: 'Data as text', answer: 'none', problem: 'Data is text, not a list of devices: "none"' },
		{ name: 'Data as [null]', answer: [null], problem: 'device 1 of 1 is null' },
	];

	const expectInvalid = (json: Record<string, unknown>, problem: string) => {
		expect(json.error).toBe(`InvalidResponse: CCC's ListDevices answer does not have its documented shape: ${problem}`);
		expect(json.details).toMatchObject({ code: 'InvalidResponse', httpStatus: 200, requestId: 'B2A1C3D4-0000-4000-8000-000000000001', itemIndex: 0 });
	};

	it.each(cases)('$name: the lookup reports InvalidResponse saying what was unexpected, sends no ReadyForService, and does not retry', async ({ answer, problem }) => {
		data = answer;
		const result = await runCccWorkflow({
			items: [{ instanceId: 'ccc-test', userId: 'alice@ccc-test' }],
			parameters: { instanceId: '={{ $json.instanceId }}', device: 'registeredDevice', userId: '={{ $json.userId }}', options: {} },
			credentials: credentialsFor({ url }),
			onError: 'continueRegularOutput',
		});
		expect(result.success).toHaveLength(1);
		expectInvalid(result.success[0].json, problem);
		expect(requests).toBe(1);
	});

	it.each(cases)('$name: the ListDevices node gives one error item, not device items', async ({ answer, problem }) => {
		data = answer;
		const result = await runCccWorkflow({
			nodeType: LIST_DEVICES_NODE_TYPE,
			items: [{ instanceId: 'ccc-test', userId: 'alice@ccc-test' }],
			parameters: { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', options: {} },
			credentials: credentialsFor({ url }),
			onError: 'continueRegularOutput',
		});
		expect(result.success).toHaveLength(1);
		expectInvalid(result.success[0].json, problem);
	});
});
