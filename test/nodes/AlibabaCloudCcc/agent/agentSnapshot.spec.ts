import { decodeSnapshot, encodeSnapshot, type StoredAgent } from '../../../../nodes/AlibabaCloudCcc/agent/agentSnapshot';

const at = Date.UTC(2026, 11, 1, 9, 0, 0);
const agents = new Map<string, StoredAgent>([
	['alice@ccc-prod', { state: 'BREAK', breakCode: 'lunch', stateTime: at + 1_234, longBreakFired: true }],
	['bob@ccc-prod', { state: 'READY', breakCode: '', stateTime: at, longBreakFired: false }],
	['carol@ccc-prod', { state: 'BREAK', breakCode: 'lunch', stateTime: at + 86_400_000, longBreakFired: false }],
	['dave@other-instance', { state: 'WORKING', breakCode: '', stateTime: at + 5, longBreakFired: false }],
	['noinstance', { state: 'OFFLINE', breakCode: '', stateTime: at + 7, longBreakFired: false }],
	['erin@ccc-prod', { state: 'AWAY]SOON', breakCode: '', stateTime: at + 9, longBreakFired: false }],
	['=frank@ccc-prod', { state: 'READY', breakCode: '', stateTime: at + 11, longBreakFired: false }],
	['__proto__@ccc-prod', { state: 'READY', breakCode: '', stateTime: at + 13, longBreakFired: false }],
]);

describe('the stored agent snapshot', () => {
	it('reads back exactly what was stored, through JSON as n8n keeps static data', () => {
		const stored = JSON.parse(JSON.stringify(encodeSnapshot({ scope: 'abc', agents }, 'ccc-prod'))) as unknown;
		const read = decodeSnapshot(stored, 'ccc-prod');
		expect(read?.scope).toBe('abc');
		expect([...(read?.agents ?? [])]).toEqual([...agents]);
	});

	it('keeps an agent of the watched instance as its name, a break code once, and state times as offsets', () => {
		expect(encodeSnapshot({ scope: 'abc', agents }, 'ccc-prod')).toEqual({
			v: 1,
			scope: 'abc',
			base: at,
			codes: ['lunch'],
			agents: {
				alice: 'B0.ya!',
				bob: 'R.0',
				carol: 'B0.1ffuo0',
				'=dave@other-instance': 'W.5',
				'=noinstance': 'O.7',
				erin: '[AWAY%5DSOON].9',
				'==frank@ccc-prod': 'R.b',
				['__proto__']: 'R.d',
			},
		});
	});

	it.each([undefined, {}, { v: 2 }, { v: 1, scope: 'abc', base: 0, codes: [], agents: { alice: 'not a standing' } }])('is no snapshot when static data holds %j: a new baseline', (value) => {
		expect(decodeSnapshot(value, 'ccc-prod')).toBeUndefined();
	});
});
