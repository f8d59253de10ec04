// The title row of a page: a back link when it is a detail page, the title, a subtitle and actions on the right.
import type { ReactNode } from 'react';
import { Button, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';

export function PageHeader({
  title,
  subtitle,
  extra,
  back,
  tags,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  back?: string;
  tags?: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <div className="qy-page-header">
      <div className="qy-page-header-main">
        {back ? <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(back)} aria-label="back" data-testid="page-back" /> : null}
        <div style={{ minWidth: 0 }}>
          <div className="qy-page-title-row">
            <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
              {title}
            </Typography.Title>
            {tags}
          </div>
          {subtitle ? <div className="qy-page-subtitle">{subtitle}</div> : null}
        </div>
      </div>
      {extra ? <div className="qy-page-header-extra">{extra}</div> : null}
    </div>
  );
}
