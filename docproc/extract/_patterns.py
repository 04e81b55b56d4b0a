"""Patterns of the operative part's language, shared by the rule modules (`obligations`,
`_fee_rules`, `_asset_rules`, `_links`). Vietnamese as courts write it; matched case-insensitively.

Most are tone-tolerant (`_tc`): OCR puts a wrong tone on a vowel ("phạt tiên", "đôi với"). Those
with short words whose tone carries the meaning stay exact (`re.compile`): ORDER_RE ("giao" /
"giáo", "trả" / "trà"), BUOC_RE ("thì" / "thi hành"), OWNER_RE ("đứng tên hộ" / "đứng tên Hồ")."""

from __future__ import annotations

import re

from docproc.extract import _lexicon as L
from docproc.extract._lexicon import accented
from docproc.extract._tolerant import compile_tolerant as _tc

_I = re.I

all__ = ["Reader", "Draft", "AssetDraft"]

# Verbs and modals of ordering come from the one table in `_lexicon` (exact tones here: see above).
MONEY_VERBS = accented(L.MONEY_VERBS, tolerant=False)

GIVE_VERBS = accented(L.GIVE_VERBS, tolerant=False)

ACT_VERBS = (
    r"tháo\s+dỡ|di\s+dời|phối\s+hợp|thực\s+hiện|ban\s+hành|xóa|xoá|chấm\s+dứt|khôi\s+phục|làm\s+thủ\s+tục|"
    r"cải\s+chính|xin\s+lỗi|sửa\s+chữa|mở\s+lối|chốt|cung\s+cấp|di\s+chuyển|dỡ\s+bỏ|trả\s+lại\s+bản\s+chính|"
    r"nhận(?=[^.;]{0,80}?trở\s+lại\s+làm\s+việc)"
)

ORDER_RE = re.compile(
    r"(?P<neg>\b(?:không|chưa|đã|còn|được|có\s+quyền)\s+(?:phải\s+)?(?:tiếp\s+tục\s+)?)?"
    rf"(?P<modal>\b(?:{accented(L.ORDER_MODALS, tolerant=False)})\s+)?"
    r"(?:(?:tiếp\s+tục|cùng)\s+)?"
    r"(?P<joint>\bliên\s+đới\s+)?(?:(?:cùng\s+(?:với\s+\S+\s+)?|tiếp\s+tục\s+))?"
    rf"(?P<verb>\b(?:{ACT_VERBS}|{MONEY_VERBS}|{GIVE_VERBS}))(?!\w)",
    _I,
)

# a colon followed by more dots or quotes is OCR dust inside a name ("Trần V:.. liên đới"), not a heading's end
SPECK_COLON = r":(?![.,:;'\"‘’`…])"
BUOC_RE = re.compile(rf"\b(?:buộc|thì)\b|{SPECK_COLON}", _I)

NEG_START_RE = _tc(
    r"^\s*(?:[-–+]\s*)?(?:Không\s+chấp\s+nhận|Bác\b|Đình\s+chỉ|Ghi\s+nhận|Hủy|Huỷ|Tuyên\s+bố|Chấp\s+nhận|"
    r"Sửa\s+(?:bản|một)|Giữ\s+nguyên|Miễn|Công\s+nhận|Chấm\s+dứt\s+hợp|Cấm|Giao\s+bị\s+cáo|Xử\s+phạt|"
    r"Gia\s+đình|Người\s+không\s+trực\s+tiếp|Vì\s+lợi\s+ích|Các\s+đương\s+sự|Việc\s+trả\s+tiền|Ngoài\s+các)",
    _I,
)

HEAD_PREFIX_RE = _tc(
    r"^\s*Về\s[^:.;]{1,80}:\s*(?:Căn\s+cứ[^:]{1,400}:\s*|Áp\s+dụng[^:]{1,400}:\s*)?(?=\S)", _I
)

AGREED_RE = _tc(
    r"^\s*(?:[-–+]\s*)?(?:Ghi\s+nhận|Công\s+nhận)\s+(?:sự\s+)?(?:tự\s+nguyện|thỏa\s+thuận|thoả\s+thuận)"
    r"(?![^.]*\bđã\s+(?:bồi\s+thường|trả|thanh\s+toán|nhận|thực\s+hiện|nộp))",
    _I,
)

STATE_FUND_RE = _tc(
    r"sung\s+(?:vào\s+)?(?:quỹ|ngân\s+sách|công\s+quỹ)|nộp\s+(?:vào\s+|lại\s+)?(?:cho\s+)?ngân\s+sách|"
    r"thu\s+lợi\s+bất\s+chính|truy\s+thu",
    _I,
)

XAC_DINH_RE = _tc(r"^\s*(?:[-–+]\s*)?Xác\s+định\b", _I)

LATER_BUOC_RE = _tc(r"[,;.:]\s*(?=buộc\b)", _I)  # also "Sửa bản án sơ thẩm như sau: Buộc ..."

# A ruling that grants ("Chấp nhận yêu cầu ... của bà X: ông A phải trả ...", "Sửa ... như sau: ông A có nghĩa
# vụ ...") may state the order after a colon without "Buộc"; a refusal's colon lists what is refused.
GRANT_START_RE = _tc(r"^\s*(?:[-–+]\s*)?(?:Chấp\s+nhận|Sửa\s+(?:bản|một|toàn))", _I)
LATER_ORDER_RE = _tc(
    r":\s*(?=[^.;:]{1,160}?\b(?:phải|có\s+(?:nghĩa\s+vụ|trách\s+nhiệm))\b)(?![^.;:]{0,40}\bkhông\s+phải\b)",
    _I,
)

# A clause that opens with a condition ("Trường hợp ...", "Nếu ...", "Khi ...", "Đến ngày ... mà").
CONDITION_RE = _tc(r"\s*(?:[-–+]\s*)?(?:Trường\s+hợp|Nếu|Khi|Sau\s+khi|Đến\s+ngày|Quá\s+thời\s+hạn)\b", _I)
# Between the mentions of one subject and its verb: separators, a title, "cùng", "liên đới".
SUBJECT_GAP_RE = re.compile(r"(?:\s*\([^()]*\))?\s*(?:,|và|cùng|với)?\s*(?:\b(?:ông|bà|anh|chị)\s*)?", _I)

CUT_RE = _tc(
    r"\b(?:trong\s+thời\s+hạn|kể\s+từ\s+ngày\s+nhận|sau\s+khi\s+(?!đối\s+trừ)|khi\s+nhận\s+đủ|chậm\s+nhất\s+(?:vào\s+)?ngày)",
    _I,
)

EACH_RE = _tc(r"\bmỗi\s+(?:người|bên|bị\s+cáo|đương\s+sự)\b", _I)

PERIOD_AFTER_RE = _tc(r"\s*(?:chẵn\s*)?(?:\([^)]*\)\s*)?/\s*(?:01\s+|một\s+)?tháng", _I)

PERIOD_BEFORE_RE = _tc(r"(?:mỗi|hàng|hằng)\s+tháng[^.;\d]{0,25}$", _I)

FROM_MONTH_RE = _tc(r"kể\s+từ\s+tháng\s+(?P<m>\d{1,2})\s*[/\-]\s*(?P<y>\d{4})", _I)

FROM_RE = _tc(r"\bkể\s+từ\s+(?:ngày\s+)?", _I)

COMP_START_RE = _tc(r"\b(?:trong\s+đó|bao\s+gồm|gồm)\b\s*:?", _I)

COMP_STOP_RE = _tc(
    r"[;.,]?\s*(?:[Đđ]ược\s+(?:khấu\s+)?trừ|chia\s+(?:làm|theo)|kỷ\s+phần|[Kk]ể\s+từ)|\.\s|;\s*(?=[A-ZĐ])"
)

TOTAL_RE = _tc(r"\btổng\s+(?:cộng|số(?:\s+tiền)?)\s*(?:là)?\s*:?\s*$", _I)

SIBLING_RE = _tc(
    r"\s*(?:,|;)?\s*(?:và\s+)?(?:phải\s+|có\s+nghĩa\s+vụ\s+)?(?:liên\s+đới\s+)?"
    r"(?:trả|thanh\s+toán|bồi\s+thường|hoàn\s+trả)(?:\s+lại)?\s+cho\s+",
    _I,
)

ARITH_RE = _tc(r"\s*[x×*]\s*\d[\d.,]*[^=;.]{0,30}=\s*$")

REMAIN_RE = _tc(
    r"\bcòn\s+phải\s+(?:liên\s+đới\s+)?(?:bồi\s+thường|trả|thanh\s+toán)(?:\s+tiếp)?\b(?!\s+(?:khoản\s+)?(?:tiền\s+)?lãi)",
    _I,
)

DEDUCT_RE = _tc(r"\b[Đđ]ược\s+(?:khấu\s+)?trừ\s+(?:vào\s+)?", _I)
SHARE_CTX_RE = _tc(r"kỷ\s+phần|chia\s+theo\s+phần|mỗi\s+bị\s+cáo|mỗi\s+người", _I)

INSTAL_RE = _tc(r"^\s*(?:[-–+]\s*)?Đợt\s+(?:\d+|[^\W\d]+)\s*(?:\([^)]*\))?\s*:", _I)

DUE_RE = _tc(r"thời\s+hạn\s+(?:trả(?:\s+nợ|\s+tiền)?|thanh\s+toán|thực\s+hiện)\s*:?", _I)

STOP_RE = _tc(
    r"^\s*(?:[-–+]\s*)?(?:Không\s+chấp\s+nhận|Kể\s+từ|Trường\s+hợp|Ghi\s+nhận|Tiếp\s+tục|Về\s|Đình\s+chỉ|"
    r"Buộc|Giao\s|Xác\s+định|Nếu\s)",
    _I,
)

LI_CONTRACT_RE = _tc(
    r"tiếp\s+tục\s+(?:phải\s+)?(?:chịu|trả|thanh\s+toán)\s+(?:thêm\s+)?(?:khoản\s+)?(?:tiền\s+)?lãi", _I
)

LI_STAT_RE = _tc(
    r"(?:phải|còn)\s+(?:phải\s+)?(?:chịu|trả)\s+(?:thêm\s+)?(?:khoản\s+)?(?:tiền\s+)?lãi\b"
    r"|còn\s+(?:phải\s+)?trả\s+cho\s+[^.;]{1,60}?\s+(?:số\s+)?tiền\s+lãi\b",
    _I,
)

LI_KEYS_RE = _tc(
    r"thi\s+hành\s+án|chậm\s+trả|chậm\s+thi\s+hành|chậm\s+thanh\s+toán|Điều\s+468|Điều\s+357", _I
)

MUC_RE = _tc(r"\bmục\s+(\d{1,2}(?:\.\d{1,2}){0,3})(?!\d)", _I)

MUC_THIS_RE = _tc(r"\bmục\s+này\b", _I)

CHIU_RE = _tc(
    r"(?P<neg>\b(?:không\s+phải|không|miễn|chưa|còn\s+phải|còn|đã|phải\s+nộp\s+tiếp)\s+)?"
    r"(?P<joint>\bliên\s+đới\s+)?\b(?:chịu|(?<=phải\s)nộp)\b(?!\s+tiếp)",
    _I,
)

FEE_WORD_RE = _tc(r"án\s+phí|lệ\s+phí", _I)

FEE_GAP_RE = _tc(
    r"\s*(?:toàn\s+bộ\s+|tổng\s+cộng\s+|tổng\s+số\s+(?:tiền\s+)?|số\s+tiền\s+)?(?:là\s*)?:?\s*"
    r"|\s*(?:toàn\s+bộ\s+)?(?:tiền\s+)?(?:án\s+phí|lệ\s+phí)[^\d;]{0,90}?(?:là|:|với\s+số\s+tiền|số\s+tiền)?\s*",
    _I,
)

ADVANCE_RE = _tc(r"\b(?:được\s+)?(?:khấu\s+)?trừ\s+(?:vào\s+)?|chuyển\s+thành\s+án\s+phí", _I)

ADVANCE_STOP_RE = _tc(r"còn\s+phải|[Hh]oàn\s+trả|nhận\s+lại|\.\s", _I)

REFUND_TO_RE = _tc(
    r"(?P<pre>\b(?:phải|có\s+nghĩa\s+vụ|liên\s+đới)\s+)?\b(?:hoàn\s+trả|trả\s+lại|hoàn\s+lại)(?:\s+lại)?\s+cho\s+",
    _I,
)

REFUND_GET_RE = _tc(r"\bđược\s+(?:nhận\s+lại|hoàn\s+trả(?:\s+lại)?|trả\s+lại|hoàn\s+lại)\b", _I)

FINE_RE = _tc(r"\b(?:phạt\s+tiền|phạt\s+bổ\s+sung(?!\s*:)|xử\s+phạt|phạt(?=\s+bị\s+cáo))\s+", _I)

CONFISCATE_RE = _tc(
    r"^\s*(?:[-–+]\s*)?(?:Tịch\s+thu|Truy\s+thu|Truy\s+nộp|Sung\s+(?:quỹ|công))"
    r"(?:\s*,?\s+(?:và\s+)?(?:tiêu\s+hủy|tiêu\s+huỷ|để\s+tiêu\s+hủy|sung\s+(?:vào\s+)?(?:quỹ|ngân\s+sách|công\s+quỹ)"
    r"(?:\s+(?:Nhà\s+nước|nhà\s+nước))?|nộp\s+(?:vào\s+)?ngân\s+sách(?:\s+(?:Nhà\s+nước|nhà\s+nước))?|"
    r"(?:Nhà\s+nước|nhà\s+nước)))*\s*:?\s*",
    _I,
)

RETURN_OBJ_FIRST_RE = _tc(r"^\s*(?:[-–+]\s*)?(?:Trả\s+lại|Giao\s+trả)\s+(?!cho\b)(?=\d|[^\W\d])", _I)
RETURN_RE = _tc(r"^\s*(?:[-–+]\s*)?(?:Trả\s+lại|Hoàn\s+trả|Trả|Giao\s+trả)\s+(?:lại\s+)?cho\s+", _I)

CUSTODY_RE = _tc(r"\bGiao\s+(?:cháu|con|các\s+cháu|các\s+con)\b[^.;]*?\bcho\s+", _I)

ALLOC_RE = _tc(
    # "được quyền sở hữu", "quản lý, sử dụng và sở hữu": the run of rights granted
    r"\b(?:được\s+)?(?:quyền\s+)?(?:(?:quản\s+lý|sở\s+hữu|sử\s+dụng)(?:\s*,\s*|\s+và\s+))*(?:sở\s+hữu|sử\s+dụng)\b"
    r"(?!\s+đất\s+(?:và|,))|\bđược\s+nhận\b",
    _I,
)

GIVE_TO_RE = _tc(r"(?:^\s*(?:[-–+]\s*)?|[,;]?\s+(?:và\s+)?)\b(?:giao|chia|phân\s+chia)\s+cho\s+", _I)
ALLOC_HEAD_RE = _tc(r"\bđược\s+(?:quyền\s+)?(?:sở\s+hữu|sử\s+dụng|nhận|hưởng)\b", _I)

SEC_REQ_RE = _tc(
    # "có quyền yêu cầu cơ quan thi hành án ... xử lý", or the creditor's own right "được quyền xử lý / phát mại"
    # the request verb with one of its words OCR damaged ("yu cầu") is still the request; the l of "xử lý"
    # may be read as an I ("xử Ìý")
    r"(?:có|được)\s+quyền\s+(?:(?:yêu\s+cầu|đề\s+nghị|\w{1,4}\s+cầu|yêu\s+\w{1,4})(?:[^.]|(?<=\d)\.(?=\d))*?)?(?P<act>(?:(?:kê\s+biên|xử\s+[lIÌÍ|]ý|phát\s+mại|phát\s+mãi|bán\s+đấu\s+giá)"
    # a full stop between two measures is a comma OCR misread ("kê biên. phát mãi")
    r"(?:\s*,\s*|\s*\.\s*(?=kê|xử|phát|bán)|\s+và\s+|\s+)?)+)",
    _I,
)

# "... thì tài sản thế chấp là X sẽ bị xử lý ... để thu hồi nợ cho B": the collateral named before a passive sale
SEC_PASSIVE_RE = _tc(
    r"\btài\s+sản\s+(?:thế\s+chấp|bảo\s+đảm|cầm\s+cố)\b(?P<obj>(?:[^.]|(?<=\d)\.(?=\d))*?)\s+(?:sẽ\s+)?bị\s+"
    r"(?:kê\s+biên|xử\s+[lIÌÍ|]ý|phát\s+mại|phát\s+mãi|bán\s+đấu\s+giá)\b",
    _I,
)

SEC_OBJ_LEAD_RE = _tc(
    # no "^": the pattern is matched at a position inside the text, where "^" never holds
    r"\s*(?:các\s+)?(?:tài\s+sản\s+(?:bảo\s+đảm|thế\s+chấp|cầm\s+cố)\s*(?:sau\s+đây|sau|như\s+sau|gồm|là)?"
    r"|sau\s+đây|như\s+sau)?\s*:?\s*",
    _I,
)

SEC_CUT_RE = _tc(r"\s*,?\s+(?:để\s+(?:thu\s+hồi|thi\s+hành|bảo\s+đảm|đảm\s+bảo|trả\s+nợ)|,\s*gồm\s*:)", _I)

SEC_HOLD_RE = _tc(
    r"(?:(?:duy\s+trì|giữ\s+nguyên)\s+(?:(?:Lệnh|Quyết\s+định)\s+(?:áp\s+dụng\s+)?(?:kê\s+biên|phong\s+tỏa|tạm\s+giữ"
    r"|biện\s+pháp)|biện\s+pháp|việc\s+(?:kê\s+biên|phong\s+tỏa|phong\s+toả|tạm\s+giữ))"
    # not across the purpose: "... để đảm bảo thi hành án đối với bị cáo A" names the debtor, not the object
    # a dot between two non-spaces ("20.3", OCR specks "ớ.ằ._.") ends no sentence
    r"(?:(?!\bđể\b)(?:[^.]|(?<=\S)\.(?=\S)))*?\bđối\s+với\s+"
    # "giữ nguyên biện pháp kê biên tài sản là ...", "duy trì biện pháp khẩn cấp tạm thời phong tỏa tài khoản ...":
    # the measure named, then its object
    r"|(?:duy\s+trì|giữ\s+nguyên)\s+(?:việc\s+|(?:Lệnh|Quyết\s+định)\s+(?:áp\s+dụng\s+)?"
    r"|biện\s+pháp\s+(?:khẩn\s+cấp\s+tạm\s+thời\s+|ngăn\s+chặn\s+)?)?"
    r"(?:kê\s+biên|phong\s+tỏa|phong\s+toả|tạm\s+giữ|cấm\s+chuyển\s+dịch(?:\s+quyền\s+về\s+tài\s+sản)?)"
    r"(?:\s+(?:tài\s+sản|số\s+tiền)(?=\s+(?:là|gồm)\b))?(?:\s+(?:là|gồm)\b)?\s*:?\s*"
    r"|\btạm\s+giữ\s+|\bdùng\s+"
    # kept to secure the debt (GUIDELINES: "tiếp tục kê biên", "tiếp tục phong tỏa tài khoản", "tiếp tục
    # tạm giữ sổ tiết kiệm"; a creditor who "tiếp tục giữ" / "cầm giữ" the debtor's car)
    r"|\btiếp\s+tục\s+(?:cầm\s+giữ|giữ(?!\s+nguyên)|kê\s+biên|phong\s+tỏa|phong\s+toả|quản\s+lý)\s+|\bcầm\s+giữ\s+)",
    _I,
)

FUND_AT_RE = _tc(r"\s(?:tại|vào)\s+(?:quỹ\s+)?", _I)

# "Truy thu / truy nộp của bị cáo A số tiền X": a sum the accused gives up (GUIDELINES: confiscation with
# the sum as amount_vnd), whoever is named before the sum.
TRUY_RE = _tc(r"^\s*(?:[-–+]\s*)?(?:Truy\s+thu|Truy\s+nộp|Buộc\s+\S+(?:\s+\S+){0,6}\s+nộp\s+lại)\b", _I)

HOLDER_RE = _tc(r"\b(?:của|do)\s+", _I)
# "tại" written with its own tone: tone-tolerant it would stop inside a name at "Vận tải".
HOLDER_STOP_RE = _tc(r"\s(?:mở\s+)?t[ạa]i\s|\s(?:do|được)\s|,\s*(?:số\s+(?:dư|tiền)|để)\b", _I)

SEC_TO_RE = _tc(r"\s*,?\s*(?:để|nhằm)\s+(?:bảo\s+đảm|đảm\s+bảo)\b", _I)

SEC_USED_RE = _tc(r"(?:tiếp\s+tục\s+)?được\s+dùng\s+để\s+(?:bảo\s+đảm|đảm\s+bảo)", _I)

# An asset named again, not described: "nêu trên", "nói trên", "kể trên", "trên đây", "(chiếc xe ô tô) trên
# để thi hành án", "tài sản này" ("nhà trên đất" is a description: "trên" then a noun).
REF_RE = _tc(
    r"\b(?:nêu|nói|kể|ghi)\s+(?:trên|tại)\b|\btrên\s+đây\b|\s+trên(?=\s*(?:[,.;)]|$|để\b|cho\b))"
    r"|\b(?:tài\s+sản|chiếc|xe|tàu|căn\s+nhà|căn\s+hộ|thửa\s+đất)(?:\s+[^\s,.;]+){0,3}\s+này\b",
    _I,
)

OWNER_RE = re.compile(
    r"(?P<a>mang\s+tên(?:\s+hộ)?|thuộc\s+(?:quyền\s+)?sở\s+hữu(?:\s+của)?|đứng\s+tên(?:\s+hộ)?|thu\s+giữ\s+của|"
    r"thu\s+giữ\s+(?:trong|trên)\s+người(?:\s+của)?|"
    r"cấp(?:\s+ngày\s+[\d/.\-]+)?\s+cho(?:\s+hộ)?)\s+",
    _I,
)

# ... also where the asset is kept, not who owns it: ", lưu ký tại tài khoản ... mở tại Công ty Chứng khoán X"
OWNER_END_RE = _tc(
    r",\s*(?:theo|số\s+khung|để|do|lưu\s+ký|mở)\b|\s+theo\s|\s+để\s|\s+(?:mở\s+)?t[ạa]i\s|;|\(|\.\s|\.$", _I
)

COMP_KEYS: tuple[tuple[str, str], ...] = (
    (r"phạt", "penalty"),
    (r"lãi\s+trong\s+hạn", "interest_in_term"),
    (r"lãi\s+quá\s+hạn|lãi\s+chậm\s+(?:trả|thanh\s+toán)", "interest_overdue"),
    (r"đặt\s+cọc|đối\s+trừ", "deposit_offset"),
    (r"tiền\s+thuê|thuê", "rent"),
    (r"tiền\s+sử\s+dụng", "use_fee"),
    (r"lương\s+chưa\s+trả|lương\s+còn\s+nợ", "unpaid_wages"),
    (r"không\s+báo\s+trước", "notice_pay"),
    (r"không\s+được\s+làm\s+việc", "wages_days_not_working"),
    (r"tháng\s+tiền\s+lương", "two_months_wages"),
    (r"trợ\s+cấp\s+thôi\s+việc", "severance"),
    (r"trợ\s+cấp\s+mất\s+việc", "job_loss_allowance"),
    (r"công\s+ty\s+đóng|người\s+sử\s+dụng\s+lao\s+động\s+đóng", "employer_share"),
    (r"người\s+lao\s+động\s+đóng", "employee_share"),
    (r"điều\s+trị|viện\s+phí|thuốc", "medical_costs"),
    (r"chăm\s+sóc", "care_costs"),
    (r"thu\s+nhập", "lost_income"),
    (r"tinh\s+thần", "mental_damage"),
    (r"mai\s+táng", "funeral_costs"),
    (r"cấp\s+dưỡng", "support_lump_sum"),
    (r"thiệt\s+hại|hư\s+hỏng", "property_damage"),
    (r"gốc", "principal"),
    (r"lãi", "interest"),
    (r"tiền\s+hàng|tiền\s+mua|còn\s+nợ|nợ\b", "principal"),
)

FEE_COMP_KEYS: tuple[tuple[str, str], ...] = (
    (r"ly\s+hôn|hôn\s+nhân", "divorce_fee"),
    (r"cấp\s+dưỡng", "support_fee"),
    (r"phản\s+tố", "counterclaim_fee"),
    (r"yêu\s+cầu\s+độc\s+lập", "independent_claim_fee"),
    (r"trả\s+nợ|nghĩa\s+vụ", "debt_fee"),
    (r"tài\s+sản", "property_fee"),
    (r"hình\s+sự", "criminal_fee"),
    (r"yêu\s+cầu|khởi\s+kiện", "claim_fee"),
)

DONG_TIEN_RE = _tc(r"(?<![\w/.,])(?P<n>\d{1,3}(?:\.\d{3})+)\s*(?:đồng|đ)(?=\s+tiền\b)")
