/**
 * What `npm run demo` prints, in a real n8n 2.41.1: the example workflow run against the simulator's shift start,
 * each agent with the state CCC had them in and why a failure happened. docs/development.md shows the same table.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { endOfShiftReport, setUpDemo, shiftStartReport, type Demo } from '../../scripts/demo/demoSetup';
import { REPO } from '../../scripts/demo/n8nRuntime';

jest.setTimeout(240_000);

const PORT = 5693;

const TABLE = `
Agent              | Before          | Result                     | Device                                        | Extension | Why
-------------------+-----------------+----------------------------+-----------------------------------------------+-----------+-----------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
alice@ccc-test     | BREAK (Warm-up) | READY                      | ACC-YUNBS-1.0.10-alice-desk                   | 80011001  |
bob@ccc-test       | WORKING         | READY                      | ACC-YUNBS-1.0.10-bob-desk                     | 80011002  |
user-test@ccc-test | BREAK (Warm-up) | READY                      | ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c | 80011474  |
grace@ccc-test     | OFFLINE         | READY                      | SIP-phone-grace                               | 80011007  | Signed in first (If Signed Out: Sign In First), then made ready
carol@ccc-test     | TALKING         | InvalidOperation.UserState |                                               |           | The agent is on a call: run it again after the call
erin@ccc-test      | OFFLINE         | NoRegisteredDevice         |                                               |           | ListDevices found no registered device for erin@ccc-test in ccc-test; 1 earlier registration(s) have lapsed. Have the agent sign in on the workbench, the app or a SIP phone, then run again, or give the Device ID yourself
nobody@ccc-test    | (unknown agent) | NotExists.UserId           |                                               |           | Check that the User ID (name@instance) exists in this instance, and the credential's Region
`.trim();

describe('npm run demo', () => {
	let userFolder: string;
	let demo: Demo;

	beforeAll(async () => {
		userFolder = mkdtempSync(path.join(tmpdir(), 'ccc-demo-'));
		demo = await setUpDemo({ simulatorPort: 0, n8nPort: PORT, userFolder });
	});

	afterAll(async () => {
		await demo?.simulator.stop();
		rmSync(userFolder, { recursive: true, force: true });
	});

	it('prints each agent of the shift start with the state CCC had, the result and why a failure happened; docs/development.md shows the same', async () => {
		const report = await shiftStartReport(demo);
		const lines = (text: string) => text.split('\n').map((line) => line.trimEnd());
		expect(lines(report)).toEqual(
			lines(`CCC ReadyForService:

${TABLE}

4 ready, 3 on the error output; the simulator saw 16 signed requests (7 ListDevices, 6 ReadyForService, 1 ListSkillLevelsOfUser and 1 SignInGroup to sign in who had the workbench open, 1 ListRealtimeAgentStates for who is where).

Messages ready for the (disabled) Slack nodes:
  - 4 agent(s) ready for the shift: alice@ccc-test (ext. 80011001), bob@ccc-test (ext. 80011002), user-test@ccc-test (ext. 80011474), grace@ccc-test (ext. 80011007, signed in first)
  - Could not ready carol@ccc-test on ccc-test: InvalidOperation.UserState (the agent is TALKING). The agent is on a call: run it again after the call
  - Could not ready erin@ccc-test on ccc-test: NoRegisteredDevice. ListDevices found no registered device for erin@ccc-test in ccc-test; 1 earlier registration(s) have lapsed. Have the agent sign in on the workbench, the app or a SIP phone, then run again, or give the Device ID yourself
  - Could not ready nobody@ccc-test on ccc-test: NotExists.UserId. Check that the User ID (name@instance) exists in this instance, and the credential's Region
  - 4 ready, 1 on break (Warm-up), 1 on a call, 2 offline: on break: dave@ccc-test (Warm-up); on a call: carol@ccc-test; offline: erin@ccc-test, frank@ccc-test`),
		);
		const readme = lines(readFileSync(path.join(REPO, 'docs/development.md'), 'utf8')).join('\n');
		expect(readme).toContain(lines(TABLE).join('\n'));
	});

	it('then runs the end-of-shift example: who was idle is signed out, erin (already signed out) is a success that says so, carol (on a call) an error', async () => {
		const report = (await endOfShiftReport(demo)).split('\n').map((line) => line.trimEnd());
		expect(report.filter((line) => /^(alice|bob|user-test|carol|dave|erin)@/.test(line)).map((line) => line.split('|').slice(0, 3).map((cell) => cell.trim()))).toEqual([
			['alice@ccc-test', 'READY', 'OFFLINE'],
			['bob@ccc-test', 'READY', 'OFFLINE'],
			['user-test@ccc-test', 'READY', 'OFFLINE'],
			['dave@ccc-test', 'BREAK (Warm-up)', 'OFFLINE'],
			['erin@ccc-test', 'OFFLINE', 'OFFLINE'],
			['carol@ccc-test', 'TALKING', 'InvalidOperation.UserState'],
		]);
		expect(report.find((line) => line.startsWith('erin@'))).toMatch(/\| Already OFFLINE: nothing had to change$/);
		expect(report.slice(-2)).toEqual([
			'  - 4 agent(s) signed out at the end of the shift: alice@ccc-test, bob@ccc-test, user-test@ccc-test, dave@ccc-test; already signed out: erin@ccc-test',
			'  - Could not sign out carol@ccc-test on ccc-test: the agent is TALKING. The agent is on a call: run it again after the call',
		]);
	});
});
