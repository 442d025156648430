import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DEMO_ACCESS_KEY, loadAgentId, loadDeviceId } from './directory';

/** The node's parameters, with the agent's fields taken from each item by expressions. */
export const agentParameters = {
	instanceId: '={{ $json.instanceId }}',
	deviceId: '={{ $json.deviceId }}',
	userId: '={{ $json.userId }}',
	outboundScenario: '={{ $json.outbound ?? false }}',
	options: {},
};

/** An item for one of the demo instance's agents. */
export const agent = (userId: string, extra: Record<string, unknown> = {}) => ({
	instanceId: 'ccc-test',
	deviceId: `ACC-YUNBS-1.0.10-${userId.split('@')[0]}`,
	userId,
	...extra,
});

/** Items for the first `count` agents of the simulator's load instance. */
export const loadItems = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ instanceId: 'ccc-load', deviceId: loadDeviceId(index), userId: loadAgentId(index) }));

export type SignatureVersion = 'v1' | 'v3';

/** Data of an Alibaba Cloud CCC API credential that points at a simulator. */
export function credentialsFor(
	simulator: { readonly url: string },
	key: { accessKeyId: string; accessKeySecret: string; securityToken?: string } = DEMO_ACCESS_KEY,
	signatureVersion: SignatureVersion = 'v3',
): ICredentialDataDecryptedObject {
	return { region: 'cn-shanghai', securityToken: '', ...key, customEndpoint: simulator.url, signatureVersion };
}
