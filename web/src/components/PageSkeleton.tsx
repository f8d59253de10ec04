// What a page shows while its code or first data loads.
import { Card, Col, Row, Skeleton } from 'antd';

export function PageSkeleton({ cards = 4 }: { cards?: number }) {
  return (
    <div data-testid="page-skeleton">
      <Skeleton.Input active size="small" style={{ width: 220, marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        {Array.from({ length: cards }, (_, i) => (
          <Col key={i} xs={24} sm={12} xl={6}>
            <Card>
              <Skeleton active paragraph={{ rows: 2 }} title={false} />
            </Card>
          </Col>
        ))}
        <Col span={24}>
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
