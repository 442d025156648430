import { readCccCredentials } from '../../../../nodes/AlibabaCloudCcc/auth/cccCredentials';

describe('readCccCredentials', () => {
	it('trims the fields and applies the defaults', () => {
		expect(readCccCredentials({ accessKeyId: ' id ', accessKeySecret: ' secret ', securityToken: '' })).toEqual({
			accessKeyId: 'id',
			accessKeySecret: 'secret',
			region: 'cn-shanghai',
			customEndpoint: '',
			signatureVersion: 'v3',
		});
	});

	it('keeps an STS token and the V1 choice', () => {
		expect(
			readCccCredentials({ accessKeyId: 'id', accessKeySecret: 's', securityToken: 'tok', signatureVersion: 'v1' }),
		).toMatchObject({ securityToken: 'tok', signatureVersion: 'v1' });
	});

	it.each<Record<string, string>>([{ accessKeyId: 'id' }, { accessKeySecret: 's' }, { accessKeyId: ' ', accessKeySecret: 's' }])(
		'asks for both keys when one is missing (%j)',
		(data) => {
			expect(() => readCccCredentials(data)).toThrow('needs both an AccessKey ID and an AccessKey Secret');
		},
	);

	it.each(['LTAI\uD83D', 'LTAI 5t', 'LTAIé'])('refuses an AccessKey ID that cannot be sent as it is (%j), without repeating it', (accessKeyId) => {
		expect(() => readCccCredentials({ accessKeyId, accessKeySecret: 's' })).toThrow(
			new Error(
				'The AccessKey ID in the Alibaba Cloud CCC credential holds a character other than letters, digits and ASCII punctuation (half of a character, a space, a non-ASCII letter): copy it again from the RAM console',
			),
		);
	});

	it('takes an STS AccessKey ID as it is', () => {
		expect(readCccCredentials({ accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2nP', accessKeySecret: 's' }).accessKeyId).toBe('STS.NUgYrLnoC37mZZCNnAbez2nP');
	});
});
