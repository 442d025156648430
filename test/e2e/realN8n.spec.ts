/**
 * End to end in a real n8n 2.41.1 (installed by scripts/setup-n8n.sh): the packed package installed as a community
 * package, credentials and workflows imported with n8n's CLI, workflows executed with `n8n execute`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { EXAMPLE_WORKFLOW } from '../../scripts/demo/demoSetup';
import { executeWorkflow, importJson, installPackage, n8nInstance, type N8nInstance } from '../../scripts/demo/n8nRuntime';
import { outputsOf } from '../../scripts/demo/runReport';
import { CccSimulator } from '../../simulator/cccSimulator';
import { DEMO_ACCESS_KEY, DEMO_STS_KEY } from '../../simulator/directory';
import { credentialsFor, type SignatureVersion } from '../harness/agents';

jest.setTimeout(240_000);

type Workflow = { id: string; name: string; nodes: Array<{ name: string; credentials?: Record<string, { id: string; name: string }> }> };

const example = JSON.parse(readFileSync(EXAMPLE_WORKFLOW, 'utf8')) as Workflow;

/** The example workflow, using another credential. */
function exampleWith(credentialId: string, id: string): Workflow {
	const copy = JSON.parse(JSON.stringify(example)) as Workflow;
	copy.id = id;
	copy.name = `${example.name} (${credentialId})`;
	const ready = copy.nodes.find((node) => node.name === 'Ready Agent')!;
	ready.credentials = { alibabaCloudCccApi: { id: credentialId, name: credentialId } };
	return copy;
}

const credential = (id: string, simulator: CccSimulator, key: typeof DEMO_ACCESS_KEY, signatureVersion: SignatureVersion) => ({
	id,
	name: id,
	type: 'alibabaCloudCccApi',
	data: credentialsFor(simulator, key, signatureVersion),
});

describe('the package in a real n8n', () => {
	const json = new CccSimulator();
	const xml = new CccSimulator({ forceXml: true });
	let userFolder: string;
	let n8n: N8nInstance;

	beforeAll(async () => {
		await json.start();
		await xml.start();
		userFolder = mkdtempSync(path.join(tmpdir(), 'ccc-e2e-'));
		n8n = n8nInstance({ userFolder, port: 5699 });
		installPackage(n8n);
		await importJson(n8n, 'credentials', [
			credential('cccDemoCredential', json, DEMO_ACCESS_KEY, 'v3'),
			credential('cccV1Credential', json, DEMO_ACCESS_KEY, 'v1'),
			credential('cccStsCredential', json, DEMO_STS_KEY, 'v3'),
			credential('cccXmlCredential', xml, DEMO_ACCESS_KEY, 'v3'),
		]);
		for (const workflow of [
			example,
			exampleWith('cccV1Credential', 'cccE2eV1Signature'),
			exampleWith('cccStsCredential', 'cccE2eStsToken00'),
			exampleWith('cccXmlCredential', 'cccE2eXmlAnswers'),
		]) {
			await importJson(n8n, 'workflow', workflow);
		}
	});

	afterAll(async () => {
		await json.stop();
		await xml.stop();
		rmSync(userFolder, { recursive: true, force: true });
	});

	it('runs the shipped example: ready agents on the main output, failures on the error output', async () => {
		const run = await executeWorkflow(n8n, example.id);
		const { success, errors } = outputsOf(run, 'Ready Agent');
		expect(success.map((item) => [item.UserId, item.UserState, item.OutboundScenario])).toEqual([
			['alice@ccc-test', 'READY', false],
			['bob@ccc-test', 'READY', false],
			['user-test@ccc-test', 'READY', false],
		]);
		expect(success[1].SignedSkillGroupIdList).toEqual(['skg-sales@ccc-test', 'skg-support@ccc-test']);
		expect(errors.map((item) => [item.userId, (item.details as { code: string }).code])).toEqual([
			['carol@ccc-test', 'InvalidOperation.UserState'],
			['nobody@ccc-test', 'NotExists.UserId'],
		]);
		expect(errors[1]).toMatchObject({
			error: 'NotExists.UserId: The user nobody@ccc-test does not exist in instance ccc-test.',
			details: { httpStatus: 404, requestId: expect.stringMatching(/^[0-9A-F-]{36}$/), hint: expect.any(String), itemIndex: 4 },
		});
		expect(outputsOf(run, 'Summarize Ready Agents').success[0].text).toBe(
			'3 agent(s) ready for the shift: alice@ccc-test (ext. 80011001), bob@ccc-test (ext. 80011002), user-test@ccc-test (ext. 80011474)',
		);
		expect(outputsOf(run, 'Describe Failure').success.map((item) => item.text)).toEqual([
			expect.stringMatching(/^Could not ready carol@ccc-test on ccc-test: InvalidOperation\.UserState\. /),
			expect.stringMatching(/^Could not ready nobody@ccc-test on ccc-test: NotExists\.UserId\. /),
		]);
		expect(json.requests.filter((entry) => entry.signatureVersion === 'v3').length).toBeGreaterThanOrEqual(5);
		expect(JSON.stringify(run)).not.toContain(DEMO_ACCESS_KEY.accessKeySecret);
	});

	it.each([
		['cccE2eV1Signature', 'a signature V1 credential', (simulator: CccSimulator) => simulator.requests.at(-1)?.signatureVersion, 'v1'],
		['cccE2eStsToken00', 'an STS token', (simulator: CccSimulator) => simulator.requests.at(-1)?.accessKeyId, DEMO_STS_KEY.accessKeyId],
	])('%s: works with %s', async (workflowId, _name, seen, expected) => {
		const run = await executeWorkflow(n8n, workflowId);
		expect(outputsOf(run, 'Ready Agent').success.map((item) => item.UserState)).toEqual(['READY', 'READY', 'READY']);
		expect(seen(json)).toBe(expected);
		expect(JSON.stringify(run)).not.toContain(DEMO_STS_KEY.securityToken);
	});

	it('types XML answers like JSON ones', async () => {
		const run = await executeWorkflow(n8n, 'cccE2eXmlAnswers');
		const { success, errors } = outputsOf(run, 'Ready Agent');
		expect(xml.requests.length).toBeGreaterThanOrEqual(5);
		expect(success.map((item) => [item.UserId, item.OutboundScenario, item.SignedSkillGroupIdList])).toEqual([
			['alice@ccc-test', false, ['skg-sales@ccc-test']],
			['bob@ccc-test', false, ['skg-sales@ccc-test', 'skg-support@ccc-test']],
			['user-test@ccc-test', false, []],
		]);
		expect(errors.map((item) => (item.details as { code: string }).code)).toEqual(['InvalidOperation.UserState', 'NotExists.UserId']);
	});
});
