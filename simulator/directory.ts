/** Who and what the simulated CCC gateway knows: accounts (AccessKeys) and instances with their agents. */

export interface SimAccount {
	readonly accessKeyId: string;
	readonly accessKeySecret: string;
	/** Set for STS credentials: requests must carry this token. */
	readonly securityToken?: string;
	/** Actions the RAM policy allows; all when absent. */
	readonly allowedActions?: readonly string[];
	/** The agent a request without UserId acts for. */
	readonly defaultUserId?: string;
}

export interface SimAgent {
	state: string;
	readonly extension: string;
	readonly workMode: string;
	readonly skillGroups: readonly string[];
	/** A workstation that cannot take calls: ReadyForService fails with InvalidOperation.ChannelState. */
	readonly channelBroken?: boolean;
	deviceId?: string;
	outboundScenario?: boolean;
}

export interface SimInstance {
	readonly name: string;
	readonly agents: Map<string, SimAgent>;
}

export interface SimDirectory {
	readonly accounts: SimAccount[];
	readonly instances: Map<string, SimInstance>;
}

export const DEMO_ACCESS_KEY = { accessKeyId: 'demo-access-key-id', accessKeySecret: 'demo-access-key-secret' };
export const DEMO_STS_KEY = {
	accessKeyId: 'STS.demo-access-key-id',
	accessKeySecret: 'demo-sts-secret',
	securityToken: 'demo-sts-token',
};
export const NO_PERMISSION_KEY = { accessKeyId: 'no-permission-key-id', accessKeySecret: 'no-permission-secret' };

const agent = (state: string, extension: string, skillGroups: string[], extra: Partial<SimAgent> = {}): SimAgent => ({
	state,
	extension,
	workMode: 'ON_SITE',
	skillGroups,
	...extra,
});

/** A fresh directory (agents change state, so every server gets its own). */
export function demoDirectory(extraAccounts: readonly SimAccount[] = []): SimDirectory {
	return {
		accounts: [
			{ ...DEMO_ACCESS_KEY, defaultUserId: 'user-test@ccc-test' },
			{ ...DEMO_STS_KEY, defaultUserId: 'user-test@ccc-test' },
			{ ...NO_PERMISSION_KEY, allowedActions: ['ListInstances'] },
			...extraAccounts,
		],
		instances: new Map([
			[
				'ccc-test',
				{
					name: 'Test contact center',
					agents: new Map([
						['user-test@ccc-test', agent('OFFLINE', '80011474', [])],
						['alice@ccc-test', agent('OFFLINE', '80011001', ['skg-sales@ccc-test'])],
						['bob@ccc-test', agent('BREAK', '80011002', ['skg-sales@ccc-test', 'skg-support@ccc-test'])],
						['carol@ccc-test', agent('TALKING', '80011003', ['skg-support@ccc-test'])],
						['dave@ccc-test', agent('OFFLINE', '80011004', [], { channelBroken: true })],
					]),
				},
			],
		]),
	};
}

/** The User ID of the load instance's agent number `index` (from 0): agent-0001@ccc-load, … */
export const loadAgentId = (index: number): string => `agent-${String(index + 1).padStart(4, '0')}@ccc-load`;

/** `count` agents (see `loadAgentId`) in an instance `ccc-load`, for batches and benchmarks. */
export function addLoadInstance(directory: SimDirectory, count: number): void {
	const agents = new Map<string, SimAgent>();
	for (let index = 0; index < count; index++) {
		agents.set(loadAgentId(index), agent('OFFLINE', `8${String(index + 1).padStart(7, '0')}`, ['skg-load@ccc-load']));
	}
	directory.instances.set('ccc-load', { name: 'Load test', agents });
}
