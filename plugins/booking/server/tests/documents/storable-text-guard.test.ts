import { unstorableFieldsOf } from '../../src/documents/storable-text-guard';

const models: Record<string, { attributes: Record<string, { type: string; component?: string; repeatable?: boolean }> }> = {
  'api::page.page': {
    attributes: {
      title: { type: 'string' },
      body: { type: 'richtext' },
      capacity: { type: 'integer' },
      blocks: { type: 'blocks' },
      contact: { type: 'component', component: 'shared.contact' },
      links: { type: 'component', component: 'shared.link', repeatable: true },
      sections: { type: 'dynamiczone' },
    },
  },
  'shared.contact': { attributes: { phone: { type: 'string' } } },
  'shared.link': { attributes: { label: { type: 'string' }, note: { type: 'text' } } },
};
const check = (data: unknown) => unstorableFieldsOf((uid) => models[uid], 'api::page.page', data).map((e) => [e.path.join('.'), e.message]);

describe('unstorableFieldsOf: text saved in the admin panel', () => {
  it('passes ordinary text, line breaks in long text, and fields that are not text', () => {
    expect(check({ title: '四点半课堂', body: '第一行\n第二行\t缩进', capacity: 30, unknown: '\u0000' })).toEqual([]);
  });

  it('names a one-line field holding a line break, and a long one holding NUL', () => {
    expect(check({ title: '标题\n换行', body: 'a\u0000b' })).toEqual([
      ['title', expect.stringContaining('line breaks')],
      ['body', expect.stringContaining('NUL')],
    ]);
  });

  it('looks inside components, repeatable ones by position, dynamic zones and rich-text blocks', () => {
    expect(
      check({
        contact: { phone: '138\u0007' },
        links: [{ label: 'ok' }, { label: 'x', note: '\ud800' }],
        sections: [{ __component: 'shared.link', label: 'bad\u202e' }],
        blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'x\u0000' }] }],
      })
    ).toEqual([
      ['contact.phone', expect.stringContaining('control')],
      ['links.1.note', expect.stringContaining('surrogate')],
      ['sections.0.label', expect.stringContaining('direction')],
      ['blocks', expect.stringContaining('NUL')],
    ]);
  });
});
