import { SYSTEM_BREAK_CODES, type AgentState } from '../nodes/AlibabaCloudCcc/agent/agentStates';
import type { AgentStatus } from './agentStateMachine';

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

/** A workstation registration; it lapses `expiresInMs` after each request's time (negative: it lapsed that long ago). */
export interface SimDevice {
	readonly deviceId: string;
	readonly deviceType: string;
	readonly expiresInMs: number;
}

export interface SimAgent extends AgentStatus {
	readonly extension: string;
	readonly workMode: string;
	readonly skillGroups: readonly string[];
	/** What ListDevices answers for the agent: none, one registered, or lapsed ones beside it. */
	readonly devices: readonly SimDevice[];
	deviceId?: string;
	outboundScenario?: boolean;
	/** How ListUsers shows the agent; the login capitalised when absent. */
	readonly displayName?: string;
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

/** How long a renewed registration lasts, and how long ago yesterday's lapsed. */
const REGISTRATION_MS = 3 * 60_000;
const YESTERDAY_MS = -16 * 3_600_000;

export const registered = (deviceId: string, expiresInMs = REGISTRATION_MS, deviceType = 'WEBRTC'): SimDevice => ({ deviceId, deviceType, expiresInMs });
export const lapsed = (deviceId: string, deviceType = 'WEBRTC'): SimDevice => ({ deviceId, deviceType, expiresInMs: YESTERDAY_MS });

const agent = (state: AgentState, extension: string, skillGroups: string[], devices: SimDevice[], extra: Partial<SimAgent> = {}): SimAgent => ({
	state,
	extension,
	workMode: 'ON_SITE',
	skillGroups,
	devices,
	...extra,
});

/** Signed in on the workbench: online, on break until readied. */
const SIGNED_IN = { breakCode: SYSTEM_BREAK_CODES.warmUp } as const;

/** The workstation each demo agent is signed in on (erin and frank are not signed in anywhere). */
export const DEMO_DEVICES = {
	'user-test@ccc-test': 'ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c',
	'alice@ccc-test': 'ACC-YUNBS-1.0.10-alice-desk',
	'bob@ccc-test': 'ACC-YUNBS-1.0.10-bob-desk',
	'carol@ccc-test': 'ACC-YUNBS-1.0.10-carol-desk',
	'dave@ccc-test': 'ACC-YUNBS-1.0.10-dave-desk',
	'grace@ccc-test': 'SIP-phone-grace',
} as const;

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
					// A shift start as CCC has it: who signed in waits on BREAK (Warm-up), bob is finishing a call's
					// paperwork, carol is on a call, grace's desk phone is registered but she has not signed in, erin
					// and frank are not signed in anywhere, dave's workstation has lost its connection.
					agents: new Map([
						['user-test@ccc-test', agent('BREAK', '80011474', [], [registered(DEMO_DEVICES['user-test@ccc-test'])], SIGNED_IN)],
						['alice@ccc-test', agent('BREAK', '80011001', ['skg-sales@ccc-test'], [registered(DEMO_DEVICES['alice@ccc-test'])], SIGNED_IN)],
						[
							'bob@ccc-test',
							agent('WORKING', '80011002', ['skg-sales@ccc-test', 'skg-support@ccc-test'], [lapsed('ACC-YUNBS-1.0.10-bob-laptop'), registered(DEMO_DEVICES['bob@ccc-test'])]),
						],
						['carol@ccc-test', agent('TALKING', '80011003', ['skg-support@ccc-test'], [registered(DEMO_DEVICES['carol@ccc-test'])])],
						['dave@ccc-test', agent('BREAK', '80011004', [], [registered(DEMO_DEVICES['dave@ccc-test'])], { ...SIGNED_IN, channelBroken: true })],
						['erin@ccc-test', agent('OFFLINE', '80011005', ['skg-sales@ccc-test'], [lapsed('ACC-YUNBS-1.0.10-erin-desk')])],
						['frank@ccc-test', agent('OFFLINE', '80011006', ['skg-support@ccc-test'], [])],
						['grace@ccc-test', agent('OFFLINE', '80011007', ['skg-support@ccc-test'], [registered(DEMO_DEVICES['grace@ccc-test'], REGISTRATION_MS, 'SIP')])],
					]),
				},
			],
		]),
	};
}

/** The User ID of the load instance's agent number `index` (from 0): agent-0001@ccc-load, … */
export const loadAgentId = (index: number): string => `agent-${String(index + 1).padStart(4, '0')}@ccc-load`;

/** The workstation load agent number `index` is signed in on. */
export const loadDeviceId = (index: number): string => `dev-${index}`;

/** `count` agents (see `loadAgentId`), each signed in on one workstation (on BREAK, Warm-up), in an instance `ccc-load`, for batches and benchmarks. */
export function addLoadInstance(directory: SimDirectory, count: number): void {
	const agents = new Map<string, SimAgent>();
	for (let index = 0; index < count; index++) {
		agents.set(loadAgentId(index), agent('BREAK', `8${String(index + 1).padStart(7, '0')}`, ['skg-load@ccc-load'], [registered(loadDeviceId(index))], SIGNED_IN));
	}
	directory.instances.set('ccc-load', { name: 'Load test', agents });
}
