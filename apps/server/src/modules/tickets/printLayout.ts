/**
 * The built-in print layout (manual 5.2.20), used when the vendor has no print template of its
 * own: an A4 sheet with every ticket, customer and custom field, the public replies, the service
 * records and lines for signatures. It is a Liquid template like any other, so it doubles as the
 * example the template editor offers to start from.
 */
export const DEFAULT_PRINT_LAYOUT = `<style>
@page { size: A4; margin: 15mm; }
.yd-print { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 12px; color: #222; }
.yd-print h1 { font-size: 18px; text-align: center; margin: 0 0 12px; }
.yd-print h2 { font-size: 13px; margin: 14px 0 6px; }
.yd-print table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.yd-print th, .yd-print td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; word-break: break-all; }
.yd-print th { background: #f2f2f2; font-weight: normal; width: 14%; }
.yd-print td p { margin: 0 0 4px; }
.yd-print img { max-width: 100%; }
.yd-print img.signature { max-height: 64px; }
.yd-print .signatures { margin-top: 36px; width: 100%; }
.yd-print .signatures td { border: none; padding-top: 24px; }
.yd-print .footer { margin-top: 18px; color: #888; font-size: 10px; text-align: right; }
</style>
<div class="yd-print">
<h1>{{ ticket.subject }}</h1>
<table>
<tr><th>工单编号</th><td>#{{ ticket.number }}</td><th>工单状态</th><td>{{ ticket.status }}</td></tr>
<tr><th>优先级</th><td>{{ ticket.priority }}</td><th>工单类型</th><td>{{ ticket.type }}</td></tr>
<tr><th>工单来源</th><td>{{ ticket.source }}</td><th>工单模板</th><td>{{ ticket.template }}</td></tr>
<tr><th>创建人</th><td>{{ ticket.creator }}</td><th>创建时间</th><td>{{ ticket.createdAt }}</td></tr>
<tr><th>负责客服</th><td>{{ ticket.assignee }}</td><th>客服分组</th><td>{{ ticket.group }}</td></tr>
<tr><th>标签</th><td colspan="3">{{ ticket.tags }}</td></tr>
<tr><th>工单描述</th><td colspan="3">{{ ticket.description }}</td></tr>
</table>
<h2>客户信息</h2>
<table>
<tr><th>公司名称</th><td>{{ company.name }}</td><th>公司电话</th><td>{{ company.phone }}</td></tr>
<tr><th>公司地址</th><td colspan="3">{{ company.address }}</td></tr>
<tr><th>服务包</th><td>{{ company.package }}</td><th>服务期</th><td>{{ company.serviceStart }}{% if company.serviceEnd != blank %} 至 {{ company.serviceEnd }}{% endif %}</td></tr>
<tr><th>联系人</th><td>{{ contact.name }}</td><th>手机号</th><td>{{ contact.mobile }}</td></tr>
<tr><th>邮箱</th><td>{{ contact.email }}</td><th>座机</th><td>{{ contact.landline }}</td></tr>
</table>
{% if ticket.fields.size > 0 %}
<h2>工单字段</h2>
<table>
{% for f in ticket.fields %}
<tr><th>{{ f.label }}</th><td colspan="3">
{% if f.type == "signature" and f.value != blank %}<img class="signature" src="{{ f.value.url }}" alt="{{ f.label }}">
{% elsif f.type == "product_table" and f.value != blank %}
<table><tr><th>商品</th><th>单价（元）</th><th>数量</th><th>小计（元）</th></tr>
{% for r in f.value.rows %}<tr><td>{{ r.name }}</td><td>{{ r.price }}</td><td>{{ r.quantity }}</td><td>{{ r.total }}</td></tr>{% endfor %}
<tr><td colspan="3">合计</td><td>{{ f.value.total }}</td></tr></table>
{% else %}{{ f.value }}{% endif %}
</td></tr>
{% endfor %}
</table>
{% endif %}
{% if replies.size > 0 %}
<h2>处理记录</h2>
<table>
<tr><th>时间</th><th>回复人</th><th colspan="4" style="width:auto">内容</th></tr>
{% for r in replies %}<tr><td>{{ r.time }}</td><td>{{ r.author }}</td><td colspan="4">{{ r.body }}</td></tr>{% endfor %}
</table>
{% endif %}
{% if records.size > 0 %}
<h2>服务记录</h2>
<table>
<tr><th>渠道</th><th>客服</th><th>开始时间</th><th colspan="3" style="width:auto">服务总结</th></tr>
{% for r in records %}<tr><td>{{ r.channel }}</td><td>{{ r.agent }}</td><td>{{ r.startedAt }}</td><td colspan="3">{{ r.summary }}</td></tr>{% endfor %}
</table>
{% endif %}
<table class="signatures">
<tr><td>客户签字：____________________</td><td>客服签字：____________________</td><td>日期：______年____月____日</td></tr>
</table>
<div class="footer">{{ vendor.name }} · 打印时间 {{ printedAt }}</div>
</div>
`;
