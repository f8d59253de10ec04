// The callback XML reader: WeCom's shapes in, anything that could expand, nest without end or stay open refused.
import { describe, expect, it } from 'vitest';
import { fields, listField, parseXml } from './xml.js';

describe('parseXml', () => {
  it('reads fields, CDATA literally, the five entities and numeric references, and a closing tag with a space', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<xml><A>a &amp; b &#20320;&#x597D; &lt;</A><B><![CDATA[x &amp; <y>]]></B><!-- note --><C attr="1"/></xml >',
    );
    expect(fields(root)).toEqual({ A: 'a & b 你好 <', B: 'x &amp; <y>', C: '' });
  });

  it('reads <Item> lists and comma lists', () => {
    expect(listField(parseXml('<xml><L><Item>a</Item><Item> b </Item></L></xml>'), 'L')).toEqual(['a', 'b']);
    expect(listField(parseXml('<xml><L><![CDATA[a,b,,c]]></L></xml>'), 'L')).toEqual(['a', 'b', 'c']);
    expect(listField(parseXml('<xml></xml>'), 'L')).toEqual([]);
  });

  it.each([
    ['<!DOCTYPE x [<!ENTITY a "aaaa">]><xml>&a;</xml>', /DOCTYPE/],
    ['<xml><A>&a;</A></xml>', /unknown entity &a;/],
    ['<xml><A>fish & chips</A></xml>', /bare "&"/],
    ['<xml><A>&#0;</A></xml>', /not a valid character/],
    ['<xml><?php x ?></xml>', /processing instructions/],
    ['<xml><A>open</xml>', /does not match <A>/],
    ['<xml><A>open</A>', /<xml> is never closed/],
    ['</xml>', /without an opening tag/],
    ['<xml/><xml/>', /more than one root/],
    ['junk<xml/>', /text outside the root/],
    ['', /no root element/],
    ['<xml><![CDATA[never ends</xml>', /unterminated CDATA/],
    ['<xml><a><b><c><d><e><f>deep</f></e></d></c></b></a></xml>', /nested deeper than 6/],
  ])('refuses %j', (xml, why) => {
    expect(() => parseXml(xml)).toThrow(why);
  });

  it('bounds the number of elements', () => {
    expect(() => parseXml(`<xml>${'<I/>'.repeat(30)}</xml>`, { maxDepth: 4, maxElements: 20 })).toThrow(/more than 20 elements/);
  });
});
