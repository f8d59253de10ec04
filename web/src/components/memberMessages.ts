// Labels of member lists and member facts (shared by the members pages and the community page).
import { registerMessages } from '../i18n';

registerMessages(
  {
    'mb.col.name': '成员', 'mb.col.phone': '手机号', 'mb.col.tags': '标签', 'mb.col.firstJoin': '首次入群', 'mb.col.channel': '来源渠道',
    'mb.col.communities': '所在群', 'mb.col.group': '客户分群', 'mb.col.role': '角色', 'mb.col.rfm': 'RFM 分层', 'mb.col.tier': '层级', 'mb.col.inviter': '邀请人',
    'mb.unnamed': '（未命名 #{id}）', 'mb.noChannel': '无渠道', 'mb.total': '共 {n} 位成员',
    'group.potential': '潜在', 'group.new': '新客', 'group.core': '主力', 'group.dormant': '沉睡',
    'tier.lead': '引流品', 'tier.entry': '低客单', 'tier.premium': '高客单',
    'role.k.owner': '群主', 'role.k.admin': '管理员', 'role.k.expert': '隐藏大佬', 'role.k.backbone': '骨干精英', 'role.k.mascot': '团宠',
    'role.k.onlooker': '吃瓜群众', 'role.k.lurker': '潜水党', 'role.k.troublemaker': '反动派',
    'rfm.important_value': '重要价值', 'rfm.important_development': '重要发展', 'rfm.important_retention': '重要保持', 'rfm.important_winback': '重要挽留',
    'rfm.general_value': '一般价值', 'rfm.general_development': '一般发展', 'rfm.general_retention': '一般保持', 'rfm.general_winback': '一般挽留',
  },
  {
    'mb.col.name': 'Member', 'mb.col.phone': 'Phone', 'mb.col.tags': 'Tags', 'mb.col.firstJoin': 'First joined', 'mb.col.channel': 'Channel',
    'mb.col.communities': 'Groups', 'mb.col.group': 'Customer group', 'mb.col.role': 'Role', 'mb.col.rfm': 'RFM segment', 'mb.col.tier': 'Tier', 'mb.col.inviter': 'Inviter',
    'mb.unnamed': '(unnamed #{id})', 'mb.noChannel': 'No channel', 'mb.total': '{n} members',
    'group.potential': 'Potential', 'group.new': 'New', 'group.core': 'Core', 'group.dormant': 'Dormant',
    'tier.lead': 'Lead', 'tier.entry': 'Entry', 'tier.premium': 'Premium',
    'role.k.owner': 'Owner', 'role.k.admin': 'Admin', 'role.k.expert': 'Expert', 'role.k.backbone': 'Backbone', 'role.k.mascot': 'Mascot',
    'role.k.onlooker': 'Onlooker', 'role.k.lurker': 'Lurker', 'role.k.troublemaker': 'Troublemaker',
    'rfm.important_value': 'Important value', 'rfm.important_development': 'Important development', 'rfm.important_retention': 'Important retention', 'rfm.important_winback': 'Important win-back',
    'rfm.general_value': 'General value', 'rfm.general_development': 'General development', 'rfm.general_retention': 'General retention', 'rfm.general_winback': 'General win-back',
  },
);

export const GROUP_COLORS: Record<string, string> = { potential: 'blue', new: 'green', core: 'orange', dormant: 'default' };
export const ROLE_KEYS = ['owner', 'admin', 'expert', 'backbone', 'mascot', 'onlooker', 'lurker', 'troublemaker'] as const;
export const GROUP_KEYS = ['potential', 'new', 'core', 'dormant'] as const;
export const TIER_KEYS = ['lead', 'entry', 'premium'] as const;
export const RFM_KEYS = ['important_value', 'important_development', 'important_retention', 'important_winback',
  'general_value', 'general_development', 'general_retention', 'general_winback'] as const;
