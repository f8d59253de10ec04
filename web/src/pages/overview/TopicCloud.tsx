// 话题热词: the period's top terms as a word cloud of plain text spans sized by count (terms are member text:
// rendered only as React text).
import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { useI18n } from '../../i18n';
import { fmtInt } from '../../components/format';
import type { PeriodMetrics } from './types';

const COLORS = ['#1668dc', '#13a8a8', '#fa8c16', '#722ed1', '#eb2f96', '#389e0d', '#d46b08', '#2f54eb', '#08979c', '#c41d7f'];

export function TopicCloud({ topics }: { topics: PeriodMetrics['content']['topics'] }) {
  const { t, lang } = useI18n();
  const words = useMemo(() => {
    if (topics.length === 0) return [];
    const max = Math.max(...topics.map((x) => x.count));
    const min = Math.min(...topics.map((x) => x.count));
    const span = Math.sqrt(max) - Math.sqrt(min) || 1;
    const sized = [...topics]
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .map((x, i) => ({
        ...x,
        rank: i,
        size: Math.round(14 + (26 * (Math.sqrt(x.count) - Math.sqrt(min))) / span),
        color: COLORS[i % COLORS.length]!,
      }));
    // The biggest words in the middle, smaller ones alternating to either side.
    const arranged: typeof sized = [];
    sized.forEach((w, i) => (i % 2 === 0 ? arranged.push(w) : arranged.unshift(w)));
    return arranged;
  }, [topics]);

  return (
    <Card
      title={
        <>
          {t('ov.topics')}
          <span className="qy-card-title-note">{t('ov.topicsNote')}</span>
        </>
      }
      size="small"
      className="qy-fill-card"
      data-testid="card-topics"
    >
      {words.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ov.noTopics')} />
      ) : (
        <div className="qy-cloud" data-testid="topic-cloud">
          {words.map((w) => (
            <span
              key={w.term}
              className="qy-cloud-word"
              data-testid="topic-word"
              data-count={w.count}
              title={`${w.term}: ${fmtInt(w.count, lang)}`}
              style={{ fontSize: w.size, color: w.color, fontWeight: w.rank < 5 ? 600 : 400 }}
            >
              {w.term}
            </span>
          ))}
        </div>
      )}
    </Card>
  );
}
