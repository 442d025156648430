import { readFileSync } from 'node:fs';

/**
 * Where a node's time went in a real n8n, from a V8 CPU profile (`node --cpu-prof`) of `n8n execute`: the samples
 * between the first and the last one in which the node's own code (`marker`) runs, each counted once, for the
 * innermost frame of its stack that belongs to one of the parts below (or to the node's own code).
 */

interface ProfileNode {
	readonly id: number;
	readonly callFrame: { readonly functionName: string; readonly url: string };
	readonly children?: readonly number[];
}

interface CpuProfile {
	readonly nodes: readonly ProfileNode[];
	readonly samples: readonly number[];
	readonly timeDeltas: readonly number[];
}

/** Parts by where their frames live. */
export const PROFILE_PARTS: ReadonlyArray<readonly [part: string, test: (frame: ProfileNode['callFrame']) => boolean]> = [
	["n8n's expression evaluation", ({ url }) => /n8n-workflow\/dist\/cjs\/(expression|workflow-data-proxy|extensions)|isolated-vm|@n8n\/expression-runtime|@n8n\/tournament|\/tournament\//.test(url)],
	["n8n's credential service (database, decryption, credential type)", ({ url }) => /credentials-helper|\/typeorm\/|sqlite|\/credentials\.js|credential-types|load-nodes-and-credentials/.test(url)],
	["n8n's request helper (axios, sockets)", ({ url, functionName }) => /@n8n\/backend-network|\/axios\/|follow-redirects|node:_http|node:net|node:_tls|node:dns/.test(url) || functionName === 'writev' || functionName === 'writeGeneric'],
	['garbage collection', ({ functionName }) => functionName === '(garbage collector)'],
	['idle', ({ functionName }) => functionName === '(idle)'],
];
const REST = "n8n's engine and the rest";
const LOADER = /nodes-loader\/|load-nodes-and-credentials/;

export interface ProfileShares {
	readonly windowMs: number;
	readonly parts: ReadonlyArray<readonly [part: string, ms: number]>;
}

/** `marker`: a path that only the measured node's own code has; `own`: what to call that part. */
export function profileShares(file: string, marker: string, own: string): ProfileShares {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const stackOf = (id: number) => {
		const frames: Array<ProfileNode['callFrame']> = [];
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at)!.callFrame);
		return frames;
	};
	const stacks = profile.samples.map(stackOf);
	// n8n loads the node's code at start-up: those samples are not the node running.
	const ours = stacks.map((frames) => frames.some(({ url }) => url.includes(marker)) && !frames.some(({ url }) => LOADER.test(url)));
	const first = ours.indexOf(true);
	const last = ours.lastIndexOf(true);
	if (first < 0) throw new Error(`No sample of ${file} holds ${marker}`);

	const totals = new Map<string, number>();
	let windowUs = 0;
	for (let index = first; index <= last; index++) {
		const frames = stacks[index];
		const us = profile.timeDeltas[index + 1] ?? 0;
		windowUs += us;
		let part = REST;
		for (const frame of frames) {
			const found = frame.url.includes(marker) ? own : PROFILE_PARTS.find(([, test]) => test(frame))?.[0];
			if (found) {
				part = found;
				break;
			}
		}
		totals.set(part, (totals.get(part) ?? 0) + us);
	}
	const order = [...PROFILE_PARTS.map(([part]) => part), own, REST];
	return { windowMs: windowUs / 1000, parts: order.map((part) => [part, (totals.get(part) ?? 0) / 1000] as const) };
}
