import { describe, expect, test } from 'vitest';
import { version } from '../../../package.json';
import { OpenApiDocumentSchema } from '@/contract/mock-control';
import { openApiDocument } from '../../openapi/document';
import { mockApi } from './api-test-kit';

const { api } = mockApi();

describe('GET /__mock/openapi.json', () => {
  test('answers the OpenAPI document generated from the contract, without a session', async () => {
    const response = await api('GET', '/__mock/openapi.json', { as: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const document = OpenApiDocumentSchema.parse(await response.json());
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(document.info.version).toBe(version);
  });
});
