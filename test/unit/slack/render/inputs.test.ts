/** The modal builder's own words (the default Cancel / Close) and the notice modal, in the reader's language. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/index.js';
import { noticeModal } from '../../../../src/slack/modals.js';
import { section } from '../../../../src/slack/render/blocks.js';
import { modal } from '../../../../src/slack/render/inputs.js';

describe('modal', () => {
  it('says Cancel beside a submit button and Close without one, in English', () => {
    expect(modal({ callbackId: 'f', title: 'Form', submit: 'Save', blocks: [], tr: translator('en') }).close?.text).toBe('Cancel');
    expect(modal({ callbackId: 'f', title: 'Form', blocks: [], tr: translator('en') }).close?.text).toBe('Close');
  });

  it('says them in the reader’s language, and an explicit close label wins', () => {
    expect(modal({ callbackId: 'f', title: '表单', submit: '保存', blocks: [], tr: translator('zh-CN') }).close?.text).toBe('取消');
    expect(modal({ callbackId: 'f', title: 'Formulario', blocks: [], tr: translator('es') }).close?.text).toBe('Cerrar');
    expect(modal({ callbackId: 'f', title: 'Formulário', submit: 'Salvar', blocks: [], tr: translator('pt-BR') }).close?.text).toBe('Cancelar');
    expect(modal({ callbackId: 'f', title: 'x', close: 'Back', blocks: [], tr: translator('zh-CN') }).close?.text).toBe('Back');
  });

  it('a notice modal closes in the reader’s language', () => {
    const v = noticeModal('Mute', [section('hi')], translator('pt-BR'));
    expect(v.close?.text).toBe('Fechar');
    expect(v.submit).toBeUndefined();
    expect(noticeModal('Mute', [section('hi')], translator('en')).close?.text).toBe('Close');
  });
});
