// 成员 labels.
import { registerMessages } from '../../i18n';

registerMessages(
  {
    'mp.title': '成员', 'mp.subtitle': '按姓名或手机号搜索，按分群、角色、层级、标签、渠道、RFM 与社群筛选',
    'mp.search': '搜索姓名 / 手机号', 'mp.group': '客户分群', 'mp.role': '角色', 'mp.tier': '购买层级', 'mp.tag': '标签', 'mp.channel': '来源渠道',
    'mp.rfm': 'RFM 分层', 'mp.community': '社群', 'mp.present': '仅当前在群', 'mp.reset': '重置筛选', 'mp.export': '导出',
    'md.identities': '平台身份', 'md.profile': '资料', 'md.memberships': '所在社群', 'md.history': '进出记录', 'md.timeline': '时间线', 'md.orders': '订单',
    'md.checkins': '打卡', 'md.tags': '标签', 'md.tagInput': '新标签', 'md.tagAdded': '已添加标签', 'md.tagRemoved': '已移除标签', 'md.tagsReadonly': '只有所有者或负责其社群的运营可以修改标签',
    'md.phone': '手机号', 'md.lead': '线索', 'md.leadSince': '{at} 留资', 'md.firstJoin': '首次入群', 'md.channel': '来源渠道', 'md.inviter': '邀请人', 'md.firstCommunity': '首个社群',
    'md.engagement': '活跃度', 'md.activeDays': '活跃 {n} 天', 'md.events': '事件数', 'md.attributes': '属性', 'md.mergedFrom': '成员 #{id} 已合并到此成员',
    'md.present': '在群', 'md.left': '已离开', 'md.joins': '入群 {j} 次 · 离开 {l} 次', 'md.joined': '入群', 'md.leftEv': '离开', 'md.by': '操作人 {by}', 'md.reason': '原因：{r}', 'md.method': '方式：{m}',
    'md.order.id': '订单号', 'md.order.paid': '支付时间', 'md.order.product': '产品', 'md.order.tier': '层级', 'md.order.amount': '金额', 'md.order.refunded': '已退款', 'md.order.net': '实付',
    'md.order.campaign': '活动', 'md.order.fully': '已全额退款', 'md.order.total': '累计实付 {v} · {n} 笔',
    'md.ev.message.sent': '发言', 'md.ev.member.joined': '入群', 'md.ev.member.left': '离开', 'md.ev.checkin.done': '打卡', 'md.ev.order.paid': '下单', 'md.ev.order.refunded': '退款',
    'md.ev.member.profile': '资料更新', 'md.ev.member.linked': '身份合并', 'md.ev.community.updated': '社群更新',
    'md.kind': '[{k}]', 'md.noTimeline': '没有事件', 'md.groupNow': '当前分群', 'md.rfm': 'RFM', 'md.notFound': '找不到这个成员', 'md.more': '加载更多',
    'eng.silent': '沉默', 'eng.quiet': '偶尔冒泡', 'eng.engaged': '活跃', 'eng.fan': '铁粉', 'eng.ultra': '超级活跃',
  },
  {
    'mp.title': 'Members', 'mp.subtitle': 'Search by name or phone; filter by group, role, tier, tag, channel, RFM and community',
    'mp.search': 'Search name / phone', 'mp.group': 'Customer group', 'mp.role': 'Role', 'mp.tier': 'Tier bought', 'mp.tag': 'Tag', 'mp.channel': 'Channel',
    'mp.rfm': 'RFM segment', 'mp.community': 'Community', 'mp.present': 'Present only', 'mp.reset': 'Reset', 'mp.export': 'Export',
    'md.identities': 'Identities', 'md.profile': 'Profile', 'md.memberships': 'Communities', 'md.history': 'Joins and leaves', 'md.timeline': 'Timeline', 'md.orders': 'Orders',
    'md.checkins': 'Check-ins', 'md.tags': 'Tags', 'md.tagInput': 'New tag', 'md.tagAdded': 'Tag added', 'md.tagRemoved': 'Tag removed', 'md.tagsReadonly': 'Only an owner or an operator of their communities can change tags',
    'md.phone': 'Phone', 'md.lead': 'Lead', 'md.leadSince': 'phone since {at}', 'md.firstJoin': 'First joined', 'md.channel': 'Channel', 'md.inviter': 'Inviter', 'md.firstCommunity': 'First community',
    'md.engagement': 'Engagement', 'md.activeDays': '{n} active days', 'md.events': 'Events', 'md.attributes': 'Attributes', 'md.mergedFrom': 'Member #{id} was merged into this one',
    'md.present': 'Present', 'md.left': 'Left', 'md.joins': '{j} joins · {l} leaves', 'md.joined': 'Joined', 'md.leftEv': 'Left', 'md.by': 'by {by}', 'md.reason': 'reason: {r}', 'md.method': 'via {m}',
    'md.order.id': 'Order', 'md.order.paid': 'Paid', 'md.order.product': 'Product', 'md.order.tier': 'Tier', 'md.order.amount': 'Amount', 'md.order.refunded': 'Refunded', 'md.order.net': 'Net',
    'md.order.campaign': 'Campaign', 'md.order.fully': 'Fully refunded', 'md.order.total': '{v} net · {n} orders',
    'md.ev.message.sent': 'Message', 'md.ev.member.joined': 'Joined', 'md.ev.member.left': 'Left', 'md.ev.checkin.done': 'Check-in', 'md.ev.order.paid': 'Order', 'md.ev.order.refunded': 'Refund',
    'md.ev.member.profile': 'Profile', 'md.ev.member.linked': 'Linked', 'md.ev.community.updated': 'Community',
    'md.kind': '[{k}]', 'md.noTimeline': 'No events', 'md.groupNow': 'Group now', 'md.rfm': 'RFM', 'md.notFound': 'No such member', 'md.more': 'Load more',
    'eng.silent': 'Silent', 'eng.quiet': 'Quiet', 'eng.engaged': 'Engaged', 'eng.fan': 'Fan', 'eng.ultra': 'Very active',
  },
);
