import { CONDITION_MESSAGES } from '../rules/catalogue.js';

export type Lang = 'zh-CN' | 'en';

/** Picks the user's language from Accept-Language; Chinese unless English is preferred. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** Error codes with their HTTP status and user-facing text. `{name}` is filled from params. */
export const ERRORS = {
  validation_failed: { status: 400, zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid' },
  malformed_json: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  payload_too_large: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  not_found: { status: 404, zh: '找不到该资源', en: 'Not found' },
  route_not_found: { status: 404, zh: '接口不存在：{route}', en: 'No such endpoint: {route}' },
  method_not_allowed: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in' },
  invalid_credentials: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  invalid_token: { status: 401, zh: 'API 令牌无效', en: 'Invalid API token' },
  vendor_required: {
    status: 400,
    zh: '存在多个服务商，请填写服务商标识',
    en: 'Several vendors exist: please give the vendor login key',
  },
  vendor_disabled: { status: 403, zh: '该服务商已停用', en: 'This vendor is disabled' },
  account_disabled: { status: 403, zh: '该账号已停用', en: 'This account is disabled' },
  login_locked: {
    status: 429,
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  csrf_failed: {
    status: 403,
    zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
    en: 'Missing or invalid CSRF token; reload the page and retry',
  },
  forbidden: { status: 403, zh: '没有权限执行此操作', en: 'You do not have permission to do this' },
  module_not_granted: {
    status: 403,
    zh: '未授权使用「{module}」模块',
    en: 'You are not granted the {module} module',
  },
  feature_disabled: { status: 403, zh: '该功能已在功能开关中关闭', en: 'This feature is switched off' },
  operator_disabled: {
    status: 404,
    zh: '运营接口未开启',
    en: 'The operator API is not enabled',
  },
  wrong_password: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  account_taken: { status: 409, zh: '账号「{account}」已被使用', en: 'The account "{account}" is taken' },
  login_key_taken: { status: 409, zh: '服务商标识已被使用', en: 'That vendor login key is taken' },
  name_taken: { status: 409, zh: '名称「{name}」已存在', en: 'The name "{name}" already exists' },
  reference_not_found: {
    status: 422,
    zh: '引用的{entity}不存在',
    en: 'The referenced {entity} does not exist',
  },
  group_has_children: {
    status: 409,
    zh: '请先删除或移走该分组的下级分组',
    en: 'Remove or move the sub-groups first',
  },
  group_cycle: {
    status: 422,
    zh: '上级分组不能是自己或自己的下级',
    en: 'A group cannot be its own ancestor',
  },
  role_in_use: { status: 409, zh: '仍有客服使用该角色', en: 'Agents still have this role' },
  system_role: {
    status: 409,
    zh: '系统默认角色不能删除或修改权限',
    en: 'Default roles cannot be deleted or changed',
  },
  last_admin: {
    status: 409,
    zh: '不能停用或降级最后一个管理员',
    en: 'The last administrator cannot be disabled or demoted',
  },
  self_escalation: {
    status: 403,
    zh: '不能修改自己的角色、授权或启用状态',
    en: 'You cannot change your own role, grants or status',
  },
  invalid_image: {
    status: 415,
    zh: '请上传 PNG、JPEG 或 WebP 图片',
    en: 'Upload a PNG, JPEG or WebP image',
  },
  shift_in_use: { status: 409, zh: '该班次已排入排班表', en: 'This shift is used in the roster' },
  no_holiday_data: {
    status: 422,
    zh: '暂无 {year} 年的法定节假日数据，请手动添加',
    en: 'No statutory holiday data for {year} yet; add the days by hand',
  },
  identity_taken: {
    status: 409,
    zh: '该号码或账号已属于另一位联系人',
    en: 'This number or account already belongs to another contact',
  },
  service_code_taken: { status: 409, zh: '服务验证码已被使用', en: 'This service code is taken' },
  external_id_taken: { status: 409, zh: '外部编号已被使用', en: 'This external id is taken' },
  customer_locked: {
    status: 403,
    zh: '高级模式已禁止此操作（{what}）',
    en: 'Advanced mode forbids this ({what})',
  },
  system_field: {
    status: 409,
    zh: '系统字段只能修改名称和排序',
    en: 'System fields can only be renamed and reordered',
  },
  field_key_locked: {
    status: 409,
    zh: '字段唯一标识只能修改一次',
    en: 'A field key can be changed only once',
  },
  file_type_unsupported: {
    status: 415,
    zh: '请上传 .xlsx、.xls 或 .csv 文件（扩展名须与文件内容一致）',
    en: 'Upload an .xlsx, .xls or .csv file (the extension must match the content)',
  },
  file_missing: { status: 400, zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  file_empty: {
    status: 422,
    zh: '文件是空的，没有可导入的数据行',
    en: 'The file is empty: no data rows to import',
  },
  file_corrupt: {
    status: 422,
    zh: '文件已损坏或格式不正确，无法读取',
    en: 'The file is damaged or not in the expected format',
  },
  file_too_large: { status: 413, zh: '文件不能超过 {mb} MB', en: 'The file must not exceed {mb} MB' },
  too_many_rows: {
    status: 422,
    zh: '文件超过 {max} 行，请拆分后分批导入',
    en: 'The file has more than {max} rows; split it and import the parts',
  },
  import_mapping_invalid: {
    status: 422,
    zh: '列与字段的对应关系有误，请检查标出的列',
    en: 'The column mapping is invalid; check the marked columns',
  },
  transfer_not_ready: {
    status: 409,
    zh: '任务尚未完成或没有可下载的文件',
    en: 'The task has not finished or has no file to download',
  },
  merge_same: { status: 422, zh: '不能把公司合并到它自己', en: 'A company cannot be merged into itself' },
  ticket_closed: {
    status: 409,
    zh: '工单已关闭，不能再修改',
    en: 'The ticket is closed and can no longer be changed',
  },
  ticket_version_conflict: {
    status: 409,
    zh: '工单已被他人修改（当前版本 {version}），请刷新后再保存',
    en: 'Someone else changed this ticket (now version {version}); reload and save again',
  },
  ticket_merged: { status: 409, zh: '工单已被合并', en: 'The ticket has been merged into another' },
  ticket_merge_same: {
    status: 422,
    zh: '不能把工单合并到它自己',
    en: 'A ticket cannot be merged into itself',
  },
  ticket_merge_customer: {
    status: 422,
    zh: '只能合并同一客户的工单',
    en: 'Only tickets of the same customer can be merged',
  },
  ticket_edit_denied: {
    status: 403,
    zh: '你没有编辑该工单的权限',
    en: 'You may not edit this ticket',
  },
  template_default_delete: {
    status: 409,
    zh: '默认模板不能删除，请先取消默认',
    en: 'The default template cannot be deleted; unset it first',
  },
  upload_empty: { status: 422, zh: '文件是空的', en: 'The file is empty' },
  file_executable: {
    status: 415,
    zh: '不允许上传可执行程序',
    en: 'Executable programs cannot be uploaded',
  },
  field_in_use: {
    status: 409,
    zh: '该字段被计算字段「{name}」引用，请先修改公式',
    en: 'The calculated field "{name}" uses this field; change its expression first',
  },
  import_file_repeated: {
    status: 409,
    zh: '该文件在 {hours} 小时内已导入过（导入任务 #{id}），为避免重复创建工单已拒绝；如需再次导入，请修改文件后重试',
    en: 'This file was imported within the last {hours} hours (import #{id}); refused so no ticket is created twice. Change the file to import it again',
  },
  export_too_many_rows: {
    status: 422,
    zh: '要导出的记录超过 {max} 条，请缩小筛选范围后分批导出',
    en: 'More than {max} records match; narrow the filters and export in parts',
  },
  print_template_failed: {
    status: 422,
    zh: '打印模板无法渲染：{reason}',
    en: 'The print template cannot be rendered: {reason}',
  },
  internal: {
    status: 500,
    zh: '服务器内部错误，请稍后重试',
    en: 'Internal server error; please retry later',
  },
  unavailable: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  target_in_use: {
    status: 409,
    zh: '外部目标正被{rules}使用，请先修改或删除这些规则',
    en: 'The external target is used by {rules}; change or delete them first',
  },
  outbox_not_failed: {
    status: 409,
    zh: '只能重试发送失败的记录',
    en: 'Only failed deliveries can be retried',
  },
  automation_no_time_condition: {
    status: 400,
    zh: '自动化任务必须包含至少一个时间条件（如“更新后小时数 大于 48”）',
    en: 'An automation needs at least one time condition (e.g. hours since updated greater than 48)',
  },
  automation_no_ticket_condition: {
    status: 400,
    zh: '自动化任务除时间条件外，还必须包含至少一个工单字段条件',
    en: 'Besides time conditions, an automation needs at least one condition on a ticket field',
  },
  automation_never_nullified: {
    status: 400,
    zh: '自动化任务必须包含一个会被自身操作改变而不再成立的条件（如条件“状态 是 待回应”、操作“状态 设为 已解决”），否则会反复执行',
    en: 'An automation needs a condition that its own actions make false (e.g. status is pending, and an action setting status to solved); otherwise it would fire again and again',
  },
  macro_blocked: { status: 422, zh: '无法提交：{message}', en: 'Cannot submit: {message}' },
  workflow_invalid: {
    status: 422,
    zh: '工单流有 {count} 个问题，请修改后再发布',
    en: 'The workflow has {count} problem(s); fix them before publishing',
  },
  workflow_not_in_task: {
    status: 409,
    zh: '工单当前不在工单流的任务节点中',
    en: 'The ticket is not in a task node of a workflow',
  },
  workflow_not_participant: {
    status: 403,
    zh: '你不是节点「{node}」的参与者',
    en: 'You are not a participant of the node "{node}"',
  },
  workflow_required_fields: {
    status: 422,
    zh: '提交到下一步前，请填写节点「{node}」的必填字段：{fields}',
    en: 'Fill in the required fields of "{node}" before submitting: {fields}',
  },
  workflow_no_path: {
    status: 422,
    zh: '节点「{node}」没有可以流转的连线（连线条件不满足）',
    en: 'No connector out of "{node}" can be taken (its conditions do not hold)',
  },
  workflow_return_target: {
    status: 422,
    zh: '只能退回到此工单之前经过的任务节点',
    en: 'A ticket can only be returned to a task node it went through before',
  },
  workflow_field_locked: {
    status: 422,
    zh: '当前节点「{node}」不允许修改这些字段',
    en: 'The current node "{node}" does not allow changing these fields',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Field-level messages keyed by the message strings used in contracts (e.g. regex messages). */
export const FIELD_MESSAGES: Record<string, { zh: string; en: string }> = {
  invalid_mobile: { zh: '手机号格式不正确', en: 'Invalid mobile number' },
  invalid_account: {
    zh: '账号只能包含字母、数字和 _ . @ -',
    en: 'Accounts may contain letters, digits and _ . @ - only',
  },
  invalid_time: { zh: '时间格式应为 HH:mm', en: 'Time must be HH:mm' },
  invalid_date: { zh: '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  end_before_start: { zh: '结束不能早于开始', en: 'The end must not be before the start' },
  required: { zh: '必填', en: 'Required' },
  identity_taken: { zh: '已属于另一位联系人', en: 'Already belongs to another contact' },
  invalid_qq: { zh: 'QQ 号格式不正确', en: 'Invalid QQ number' },
  invalid_id_number: { zh: '身份证号格式不正确', en: 'Invalid ID number' },
  invalid_machine_id: { zh: '机器码应为 9 位数字', en: 'A machine ID has 9 digits' },
  invalid_service_code: { zh: '服务验证码应为 4–12 位数字', en: 'A service code has 4–12 digits' },
  identify_needs_one: { zh: '请至少提供一个识别条件', en: 'Give at least one identifier' },
  taken: { zh: '已被使用', en: 'Already taken' },
  unsafe_regex: {
    zh: '正则表达式无效或可能极慢',
    en: 'The regular expression is invalid or could be very slow',
  },
  not_found: { zh: '不存在', en: 'Not found' },
  cycle: { zh: '不能选择自己或自己的下级', en: 'Cannot be itself or one of its descendants' },
  unknown_field: { zh: '没有这个字段', en: 'No such field' },
  read_only: { zh: '该字段对你只读', en: 'This field is read-only for you' },
  expected_text: { zh: '应为文本', en: 'Expected text' },
  too_long: { zh: '内容过长', en: 'Too long' },
  expected_integer: { zh: '应为整数', en: 'Expected a whole number' },
  expected_number: { zh: '应为数字', en: 'Expected a number' },
  expected_boolean: { zh: '应为是/否', en: 'Expected yes or no' },
  not_an_option: { zh: '不是可选的选项', en: 'Not one of the options' },
  invalid_datetime: { zh: '日期时间格式不正确', en: 'Invalid date and time' },
  regex_mismatch: { zh: '格式不符合要求', en: 'Does not match the required format' },
  invalid_phone: { zh: '电话号码格式不正确', en: 'Invalid phone number' },
  invalid_email: { zh: '邮箱格式不正确', en: 'Invalid e-mail address' },
  invalid_url: {
    zh: '网址格式不正确（需以 http:// 或 https:// 开头）',
    en: 'Invalid URL (http:// or https://)',
  },
  invalid_attachment: { zh: '附件格式不正确', en: 'Invalid attachment' },
  invalid_location: { zh: '位置格式不正确', en: 'Invalid location' },
  malformed_mapping: {
    zh: '应为 JSON 对象：{"列名":"字段标识"}',
    en: 'Must be a JSON object: {"column header":"field key"}',
  },
  malformed_upload: {
    zh: '上传的表单数据不完整或格式不正确',
    en: 'The uploaded form data is incomplete or malformed',
  },
  mapping_unknown_column: { zh: '文件中没有这一列', en: 'The file has no such column' },
  mapping_unknown_field: { zh: '没有这个字段', en: 'No such field' },
  mapping_duplicate_field: { zh: '多个列对应了同一个字段', en: 'Several columns map to the same field' },
  mapping_required: { zh: '必须有一列对应此字段', en: 'A column must map to this field' },
  formula_injection: { zh: '疑似公式注入，已拒绝', en: 'Looks like a formula injection; refused' },
  formula_cell: {
    zh: '单元格含公式（系统不计算公式，请将公式转换为数值后再导入）',
    en: 'The cell holds a formula (formulas are not evaluated; paste it as a value)',
  },
  duplicate_in_file: { zh: '与第 {row} 行重复', en: 'Duplicates row {row}' },
  company_name_missing: { zh: '公司名称为空', en: 'The company name is empty' },
  contact_key_missing: {
    zh: '联系人姓名和手机号至少填写一项',
    en: 'Give at least the contact’s name or mobile number',
  },
  company_ambiguous: {
    zh: '存在多家同名公司，无法确定更新哪一家',
    en: 'Several companies have this name; cannot tell which to update',
  },
  not_in_scope: { zh: '该客户不在你的数据范围内', en: 'This customer is outside your data scope' },
  locked_create: { zh: '高级模式已禁止新增', en: 'Advanced mode forbids creating' },
  locked_edit: { zh: '高级模式已禁止编辑', en: 'Advanced mode forbids editing' },
  contact_in_other_company: {
    zh: '已属于另一家公司的联系人',
    en: 'Already belongs to a contact of another company',
  },
  unknown_agent: { zh: '没有这个客服', en: 'No such agent' },
  unknown_group: { zh: '没有这个分组', en: 'No such group' },
  agent_unavailable: {
    zh: '该客服已停用、不可接单或没有工单权限',
    en: 'This agent is disabled, not taking tickets or has no ticket access',
  },
  invalid_cursor: { zh: '分页游标无效', en: 'Invalid page cursor' },
  unknown_contact: { zh: '没有这个联系人', en: 'No such contact' },
  unknown_company: { zh: '没有这个公司', en: 'No such company' },
  unknown_template: { zh: '没有这个工单模板或已停用', en: 'No such ticket template, or it is disabled' },
  not_in_template: { zh: '该字段不在所选工单模板中', en: 'This field is not in the chosen template' },
  not_importable: { zh: '该类型的字段不支持导入', en: 'Fields of this type cannot be imported' },
  invalid_gender: { zh: '性别应为男或女', en: 'Gender must be 男 or 女' },
  invalid_import_date: {
    zh: '日期格式不正确（支持 2026-01-05、2026/1/5、2026年1月5日）',
    en: 'Invalid date (use 2026-01-05, 2026/1/5 or 2026年1月5日)',
  },
  invalid_import_datetime: {
    zh: '时间格式不正确（支持 2026-01-05 09:30、2026/1/5 9:30、2026年1月5日）',
    en: 'Invalid time (use 2026-01-05 09:30, 2026/1/5 9:30 or 2026年1月5日)',
  },
  time_in_future: { zh: '不能晚于当前时间', en: 'Must not be later than now' },
  unknown_view: { zh: '没有这个查询器', en: 'No such view' },
  ...CONDITION_MESSAGES,
  invalid_view_id: { zh: '查询器编号不正确', en: 'Invalid view id' },
  view_personal_only: {
    zh: '没有工单设置权限时只能添加仅自己可见的查询器',
    en: 'Without ticket settings permission a view can only be visible to yourself',
  },
  view_system_personal: {
    zh: '系统查询器不能设为仅自己可见',
    en: 'A system view cannot be made visible to one agent only',
  },
  duplicate_id: { zh: '有重复的项', en: 'Listed more than once' },
  batch_no_customers: { zh: '请至少选择一个公司或联系人', en: 'Choose at least one company or contact' },
  too_many_customers: { zh: '一次最多选择 5000 个客户', en: 'At most 5000 customers at a time' },
  batch_counts_mismatch: {
    zh: '各客服的分配个数之和须等于要创建的工单数',
    en: 'The counts per agent must add up to the number of tickets',
  },
  no_available_agents: { zh: '没有可接单的客服', en: 'No agent is available to take tickets' },
  invalid_field_key: {
    zh: '唯一标识须以小写字母开头，只含小写字母、数字和下划线',
    en: 'Keys start with a lower-case letter and contain a-z, 0-9 and _ only',
  },
  unknown_file: { zh: '文件不存在，请重新上传', en: 'No such file; upload it again' },
  invalid_rating: { zh: '评星超出范围', en: 'The rating is out of range' },
  invalid_signature: { zh: '签名应为已上传的图片', en: 'A signature must be an uploaded image' },
  signature_not_image: { zh: '签名必须是图片', en: 'A signature must be an image' },
  invalid_sms_code: { zh: '短信验证码字段格式不正确', en: 'Invalid SMS verification value' },
  invalid_product_table: {
    zh: '商品表格式不正确（1–200 行，每行须有商品名称）',
    en: 'Invalid product table (1–200 rows, each with a name)',
  },
  invalid_product_price: {
    zh: '单价应为不小于 0 的整数（单位：分）',
    en: 'The price must be a whole number of fen, 0 or more',
  },
  invalid_product_quantity: { zh: '数量应大于 0', en: 'The quantity must be more than 0' },
  invalid_asset: { zh: '资产格式不正确（须有名称）', en: 'Invalid asset (a name is required)' },
  ticket_only_type: {
    zh: '该字段类型只能用于工单',
    en: 'This field type is for tickets only',
  },
  unknown_config: { zh: '该字段类型不支持此设置', en: 'This field type has no such setting' },
  invalid_rating_max: { zh: '评星上限应为 3–10', en: 'The rating scale must be 3–10' },
  invalid_precision: { zh: '小数位数应为 0–6', en: 'Decimal places must be 0–6' },
  invalid_expression: {
    zh: '公式无效：只能包含数字、字段标识、+ - * / 和括号',
    en: 'Invalid expression: numbers, field keys, + - * / and parentheses only',
  },
  expression_unknown_field: {
    zh: '公式只能引用已启用的数字、小数或评星字段',
    en: 'The expression may use enabled integer, decimal or rating fields only',
  },
  unknown_section: { zh: '没有这个分组', en: 'No such section' },
  duplicate: { zh: '重复', en: 'Duplicate' },
  default_disabled: {
    zh: '默认模板不能停用',
    en: 'The default template cannot be disabled',
  },
  unknown_action: { zh: '没有这个操作', en: 'No such action' },
  invalid_action_value: { zh: '操作的值不正确', en: 'Invalid value for this action' },
  unknown_target: { zh: '没有这个外部目标', en: 'No such external target' },
  invalid_header_name: {
    zh: '请求头名称只能包含字母、数字和 -',
    en: 'Header names may contain letters, digits and - only',
  },
  invalid_header_value: { zh: '请求头的值不能换行', en: 'Header values cannot contain line breaks' },
  reserved_header: {
    zh: '该请求头由系统设置（认证请在“身份认证”中填写）',
    en: 'This header is set by the system (use the authentication setting for credentials)',
  },
  invalid_target_url: {
    zh: '网址须以 http:// 或 https:// 开头（可含占位符）',
    en: 'The URL must start with http:// or https:// (placeholders allowed)',
  },
  secret_required: { zh: '请填写密码或令牌', en: 'Enter the password or token' },
  expected_hours: { zh: '请填写 0–100000 的整数小时数', en: 'Give a whole number of hours, 0–100000' },
  automation_no_time_condition: { zh: '缺少时间条件', en: 'A time condition is missing' },
  automation_no_ticket_condition: { zh: '缺少工单字段条件', en: 'A ticket field condition is missing' },
  automation_never_nullified: {
    zh: '没有会被操作改变的条件',
    en: 'No condition is nullified by the actions',
  },
  unknown_macro: { zh: '没有这个宏', en: 'No such macro' },
  macro_submit_only: {
    zh: '只有执行时机为“工单提交”的宏才能阻止提交',
    en: 'Only macros run on submit can block the submit',
  },
  not_emptiable: {
    zh: '该字段总有值，不能选“仅为空时设置”',
    en: 'This field always has a value; "only if empty" does not apply',
  },
  too_many: { zh: '太多了', en: 'Too many' },
  invalid_element_id: {
    zh: 'ID 只能包含字母、数字、_ 和 -',
    en: 'Ids may contain letters, digits, _ and - only',
  },
  workflow_no_start: { zh: '缺少开始节点', en: 'A start node is missing' },
  workflow_many_starts: { zh: '只能有一个开始节点', en: 'Only one start node is allowed' },
  workflow_no_end: { zh: '缺少结束节点', en: 'An end node is missing' },
  workflow_duplicate_id: { zh: '节点或连线的 ID 重复', en: 'Duplicate node or connector id' },
  workflow_dangling: { zh: '连线的起点或终点不存在', en: 'The connector’s source or target does not exist' },
  workflow_drawing_connected: { zh: '注释和泳道不能连线', en: 'Comments and swimlanes cannot be connected' },
  workflow_self_loop: { zh: '连线不能连回同一个节点', en: 'A connector cannot lead back to its own node' },
  workflow_into_start: { zh: '开始节点不能有进入的连线', en: 'No connector may lead into the start node' },
  workflow_from_end: { zh: '结束节点不能有流出的连线', en: 'No connector may leave an end node' },
  workflow_start_one: {
    zh: '开始节点须有且只有一条流出的连线',
    en: 'The start node needs exactly one outgoing connector',
  },
  workflow_start_conditions: {
    zh: '开始节点的连线不能设置条件（需要判断时请接一个分支）',
    en: 'The start node’s connector takes no conditions (add a branch to decide)',
  },
  workflow_no_outgoing: { zh: '缺少流出的连线', en: 'An outgoing connector is missing' },
  workflow_unreachable: { zh: '从开始节点无法到达此节点', en: 'Not reachable from the start node' },
  workflow_end_unreachable: {
    zh: '从此节点无法到达结束节点',
    en: 'No end node can be reached from this node',
  },
  workflow_branch_default: {
    zh: '分支须有且只有一条默认路径',
    en: 'A branch needs exactly one default connector',
  },
  workflow_default_outside_branch: {
    zh: '只有从分支流出的连线可以设为默认路径',
    en: 'Only connectors leaving a branch can be the default path',
  },
  workflow_branch_cycle: {
    zh: '分支之间不能首尾相连成环（中间至少要有一个任务节点）',
    en: 'Branches cannot form a loop on their own (put a task node in it)',
  },
  workflow_unknown_lane: { zh: '所在的泳道不存在', en: 'The swimlane does not exist' },
  workflow_read_only: {
    zh: '当前节点不允许修改此字段',
    en: 'The current node does not allow changing this field',
  },
  sla_no_target: { zh: '请至少为一个优先级设置一项时限', en: 'Set at least one target for a priority' },
  sla_metric_without_target: {
    zh: '该指标没有设置任何时限，动作不会执行',
    en: 'This metric has no target, so the action would never run',
  },
};

export function formatMessage(
  code: ErrorCode,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const text: string = lang === 'en' ? ERRORS[code].en : ERRORS[code].zh;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
