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
});
