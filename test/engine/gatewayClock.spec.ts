import { registered } from '../../simulator/directory';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { credentialsFor, useSimulator } from '../harness/simulatorFixture';

const lookupParameters = { instanceId: '={{ $json.instanceId }}', device: 'registeredDevice', userId: '={{ $json.userId }}', outboundScenario: false, options: {} };
const MINUTE = 60_000;

/**
 * The registered-device lookup judges `Expires` (the gateway's clock) by the Date of the ListDevices answer, not by
 * this machine's clock; a difference of 10 minutes is within what the gateway accepts, so no clock correction happens.
 */
describe.each([
	{ gateway: '10 minutes ahead of this machine', clockOffsetMs: 10 * MINUTE, expiresInMs: -MINUTE, readied: false, state: 'lapsed a minute ago' },
	{ gateway: '10 minutes behind this machine', clockOffsetMs: -10 * MINUTE, expiresInMs: 5 * MINUTE, readied: true, state: 'lasts 5 more minutes' },
])('with the gateway $gateway', ({ clockOffsetMs, expiresInMs, readied, state }) => {
	const simulator = useSimulator({ clockOffsetMs });

	it(`an agent whose only registration ${state} is ${readied ? 'readied on it' : 'refused (NoRegisteredDevice)'}`, async () => {
		// Signed in on the workbench (ReadyForService refuses an agent who is OFFLINE).
		simulator().directory.instances.get('ccc-test')!.agents.set('gina@ccc-test', {
			state: 'BREAK',
			breakCode: 'Warm-up',
			extension: '80011098',
			workMode: 'ON_SITE',
			skillGroups: [],
			devices: [registered('ACC-YUNBS-1.0.10-gina-desk', expiresInMs)],
		});
		const result = await runCccWorkflow({
			items: [{ instanceId: 'ccc-test', userId: 'gina@ccc-test' }],
			parameters: lookupParameters,
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
		});
		expect(simulator().requests.map((entry) => [entry.action, entry.code])).toEqual([
			['ListDevices', 'OK'],
			...(readied ? [['ReadyForService', 'OK']] : []),
		]);
		if (readied) {
			expect(result.success.map((item) => [item.json.UserState, item.json.DeviceId])).toEqual([['READY', 'ACC-YUNBS-1.0.10-gina-desk']]);
		} else {
			expect(result.errors.map((item) => (item.json.details as { code: string }).code)).toEqual(['NoRegisteredDevice']);
		}
	});
});
