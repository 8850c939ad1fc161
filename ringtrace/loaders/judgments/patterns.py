"""Named regular expressions for Chinese judgments, mediation statements and awards.

Each pattern carries a sample line it must match. Patterns accept full- and half-width
punctuation and every bracket style found in the wild, so the text is never rewritten before
matching and every value is sliced verbatim from the document. Quantifiers are bounded and
alternatives do not overlap, so no pattern can backtrack badly on long or hostile input.
"""

from __future__ import annotations

import re

from ringtrace.regions.provinces import COURT_ABBREVIATIONS

CJK = "\u4e00-\u9fff"
LP = "(（〔［【\\[﹙"  # opening brackets
RP = ")）〕］】\\]﹚"  # closing brackets
COLON = "[:：]"

# ---------------------------------------------------------------------------- case numbers

#: （2016）沪01民终13566号 / (2016)鲁民再392-1号 / (2010)浙金民终字第1374号 /
#: [2011]沈中民五终字第X号 / (2025)宁劳人仲案字第123号 / (2019)京01民终37、67号 /
#: (2014)沪二中民三(民)终字第322号 (Shanghai's pre-2016 numbers carry a bracketed 庭 mark) /
#: (2022)**申2065号 (a mirror that masks names masked the court code too)
COURT_NUMBER = re.compile(
    rf"[{LP}]\s*(?P<year>[12１２][09０９]\d{{2}})\s*[{RP}]\s*"
    rf"(?P<mid>[*＊×]{{1,4}}[{CJK}\d]{{0,14}}[{CJK}]|[{CJK}](?:[{CJK}\d]|[{LP}][{CJK}][{RP}]){{0,14}}[{CJK}])\s*"
    r"(?P<serial>[\dXx×＊*]{1,7}(?:\s*[-－—]\s*\d{1,4})?(?:[、，,]\s*\d{1,7})*)\s*[号號]")

#: 安劳人仲案字〔2020〕第123号 / 南勞人仲案(2016)8-23號 / 康劳裁不字(2010)X号 /
#: 浙余姚劳人仲案（2025）第XXX号 / 卫滨劳仲裁字(2008)X号 / 深劳人仲案(2019)97-1号 /
#: 深宝劳人仲(新安)案【2021】42号 / 深劳人仲案[2017]4941、4945号 (two applicants' cases decided
#: in one award)
#: (the pattern starts at 劳 so that scanning is fast; the place abbreviation before it is read
#: back by the caller, :func:`ringtrace.loaders.judgments.header.find_case_numbers`)
ARBITRATION_NUMBER = re.compile(
    rf"(?P<prefix>[劳勞][{CJK}]{{0,4}}?[仲裁](?:[{LP}][{CJK}]{{1,6}}[{RP}])?[{CJK}]{{0,4}}?)\s*"
    rf"[{LP}]\s*(?P<year>[12１２][09０９]\d{{2}})\s*[{RP}]\s*第?\s*"
    r"(?P<serial>[\dXx×＊*]{1,7}(?:\s*[-－—]\s*\d{1,4})?(?:[、，,]\s*\d{1,7})*)\s*[号號]")

#: the 2016+ 法院代字 at the start of the middle part: 豫0502 / 沪01 / 鲁 (高院)
COURT_CODE = re.compile(rf"(?P<abbr>[{COURT_ABBREVIATIONS}])"
                        r"(?P<digits>\d{4}|\d{2})?(?=[民刑行执赔知商破国司][^字]{0,4}$)")

# ---------------------------------------------------------------------------- header

#: 上海市第一中级人民法院 / 北京互联网法院 / 最高人民法院
COURT = re.compile(rf"[{CJK}]{{2,24}}?(?:人民法院|法院)")
#: 安阳市劳动人事争议仲裁委员会 / 深圳市劳动人事争议仲裁院
COMMISSION = re.compile(rf"[{CJK}]{{2,30}}?(?:争议仲裁委员会|仲裁委员会|争议仲裁院|仲裁院)")


def _spaced(word: str) -> str:
    return r"\s*".join(word)


#: 民 事 判 决 书 / 民事调解书 / 仲裁裁决书 / 裁 决 书 / 不予受理通知书
TITLE = re.compile(
    "(?P<title>(?:" + _spaced("民事") + r"\s*|" + _spaced("劳动人事争议") + r"\s*|"
    + _spaced("劳动争议") + r"\s*)?(?:" + _spaced("仲裁") + r"\s*)?(?:"
    + "|".join(_spaced(w) for w in ("判决书", "裁定书", "调解书", "裁决书"))
    + "|" + _spaced("不予受理") + r"\s*(?:" + _spaced("案件") + r"\s*)?" + _spaced("通知书")
    + "))")

#: 裁判日期: 2017-08-03 (mirror metadata on one line); also 案号 / 法院 / 案由 on their own line;
#: legal-database pages (北大法宝-style) print the key in brackets, the value after it without a
#: colon: 【审理法院】河南省安阳市中级人民法院 / 【裁判日期】2020年5月6日
METADATA_KEYS = ("案号", "裁判日期", "公开日期", "案件名称", "法院", "所属地区", "案件类型", "审理程序",
                 "当事人", "案由", "法律依据", "审结日期", "审判日期", "文书类型", "审理法院")
METADATA_LINE = re.compile(r"^\s*(?P<open>[【［\[])?\s*(?P<key>"
                           + "|".join(r"[ \u3000]{0,3}".join(k) for k in METADATA_KEYS)
                           + rf")\s*(?(open)[】］\]]\s*{COLON}?|(?={COLON}|$){COLON}?)\s*(?P<value>.*)$")
#: 全文 / 正文 (the line after which a mirror page prints the document itself)
FULL_TEXT_MARK = re.compile(r"^\s*[全正]\s*文\s*[:：]?\s*$", re.M)
#: 裁判文书正文 / 文书正文 ending a line, also glued to the last field's value
#: (``张某某、新乡某某机械厂裁判文书正文``); found with ``str.find`` first, then checked
FULL_TEXT_TAIL = re.compile(r"文书正文\s*[:：]?[ \t\u3000]*(?:\n|$)")

# ---------------------------------------------------------------------------- parties

#: 上诉人（原审被告）：翟楼 / 被上诉人(原审原告)厉宝芬 / 再审申请人(一审原告、被上诉人):李莉莉 /
#: 申请人1：张某 / 原审第三人：某公司
#: 支持起诉机关：某某县人民检察院 / 支持起诉单位：某某县总工会 (a party of its own kind) /
#: 被诉人(原审被告)孙岩 (sic, for 被上诉人); a number after the label only before a colon or a
#: bracket, so that 被告三门峡市… keeps its 三; an ordinal before it (第一被申请人：… / 第二被告：…,
#: as awards against a company and its parent print them; 第三人 stays a third party)
_LABEL_NUMBER = r"(?:[一二三四五六七八九十\d]{1,3}(?=\s*[:：,，(（]|\s*$))"
PARTY_LABEL = re.compile(
    r"(?:第[一二三四五六七八九十]{1,2}(?=被|申|原|上|再))?"
    r"(?P<role>(?:原审|一审|二审)?(?:再审申请人|再审被申请人|被申诉人|申诉人|被申请人|申请人|"
    r"被上诉人|上诉人|反诉原告|反诉被告|原告|被告|第三人|起诉人|申请执行人|被执行人|被诉人|"
    r"支持起诉机关|支持起诉单位|支持起诉人))"
    rf"(?P<num>{_LABEL_NUMBER})?"
    rf"(?P<paren>(?:\s*[{LP}][^{LP}{RP}]{{0,40}}[{RP}])*)"
    rf"{_LABEL_NUMBER}?\s*[:：,，]?\s*")

#: 委托诉讼代理人：郭小平 / 委托代理人(特别授权)马清辉 / 上列八被上诉人委托诉讼代理人:*** /
#: 被告交通集团和被告交通集团淮南管理处的共同委托诉讼代理人戴先锋 / 法定代理人:***
AGENT_LABEL = re.compile(
    r"(?P<shared>[^,，:：。;；]{0,60}?)"
    r"(?P<label>委托诉讼代理人|委托代理人|诉讼代理人|特别授权代理人|一般授权代理人|法定代理人|"
    r"指定代理人|诉讼代表人|代理人)"
    r"(?P<num>[一二三四五六七八九十\d]{1,2})?"
    rf"(?P<paren>(?:\s*[{LP}][^{LP}{RP}]{{0,20}}[{RP}])*)"
    r"\s*[:：,，]?\s*")

#: 法定代表人：张桂清，董事长 / 负责人厉云菊 / 代表人:周亚忠 / 经营者：张某
REPRESENTATIVE_LABEL = re.compile(
    r"(?P<label>法定代表人|主要负责人|负责人|法定代表|代表人|经营者|投资人|执行事务合伙人|业主)"
    r"\s*[:：,，]?\s*")

#: an older commission (劳动争议仲裁委员会) speaking of itself: ``本会认为``, ``经本会主持调解``,
#: ``本会于…受理``, ``本会裁决如下``. Bare ``本会`` is not enough: it also ends ``工会`` or
#: ``基本会`` and opens a union's own words (``本会会员``). One pattern for the record clause,
#: the commission's voice (parser) and the end of an answer (response).
COMMISSION_SELF = r"本会(?=认为|查明|主持|经审|于|受理|裁决)"

#: a clause that is the 诉讼记录 rather than a party line: 上诉人翟楼因与…一案，不服…
RECORD_CLAUSE = re.compile(r"一案|纠纷|争议[一案]|不服|本院|本委|" + COMMISSION_SELF + r"|本庭|立案|受理|提起|诉至|向[^,，]{0,20}(?:法院|"
                           r"仲裁委员会)|申请仲裁|诉讼请求|仲裁请求|请求\s*[:：]|请求(?:依法)?(?:判令|裁决|确认|判决)|诉称|辩称|辩解称|(?<![名简])称\s*[:：，,]|审理终结|"
                           r"到庭")

#: 以下简称神龙公司 / 以下简称“中桥建设”
SHORT_NAME = re.compile(r"以下简称\s*[:：]?\s*[“\"'‘「]?(?P<alias>[^”\"'’」)）,，、;；。]{1,20})")

ENTITY_SUFFIX = re.compile(
    r"(?:公司|厂|局|中心|处|所|站|店|部|社|院|校|会|场|队|矿|行|馆|集团|委员会|办事处|事务所|"
    r"合作社|工作室|门市|商行|酒店|银行|医院|学校|幼儿园|政府|街道|村委会|居委会|分公司|项目部|"
    r"经营部|加工厂|养殖场|农场|林场|煤矿|粮库|车间|大队|小组|协会|基金会|联合会|总会|工会|"
    r"有限合伙|合伙企业|个体工商户|旅社|宾馆|饭店|超市|商店|诊所|药房|作坊|单位|机构|企业|园|城|苑)"
    r"(?:[(（][^()（）]{1,12}[)）])?$")

SEX = re.compile(r"^(?:性别\s*[:：]?\s*)?(?P<sex>男|女)(?:性)?$")
#: 1949年3月19日出生 / 1969年3月26日生 / 出生于1960年1月1日 / 出生日期：1965年5月3日 /
#: 1963年7月出生, 1963年7月 (courts that publish only the month of birth, or a mirror that cut
#: the day to mask it); 1962年生 (older judgments print the year of birth only, then 生 or 出生)
BIRTH = re.compile(r"^(?:出生(?:日期|年月)?\s*[:：]?\s*(?:于)?\s*)?(?P<date>[12１２][09０９]\d{2}\s*(?:[年.\-/]\s*\d{1,2}"
                   r"\s*[月.\-/]\s*\d{1,2}\s*日?|年\s*\d{1,2}\s*月份?|年(?=\s*(?:出生|生)\s*$)))"
                   r"\s*(?:出生|生)?(?:于.*)?$")
ETHNICITY = re.compile(rf"^(?:民族\s*[:：]?\s*)?(?P<ethnicity>[{CJK}]{{1,6}}族)$")
ADDRESS = re.compile(r"^(?:户籍所在地|户籍地址|户籍地|经常居住地|身份证住址|身份证地址|住所地|现住址|现住|"
                     r"住址|住所|居住地|地址|住)\s*[:：]?\s*(?:在)?\s*(?P<address>.+)$")
ID_NUMBER = re.compile(r"(?:公民身份号码|居民身份证号码|身份证号码|身份证号|身份号码|身份证)\s*[:：]?\s*"
                       r"(?:为|是)?\s*(?P<id>[0-9Xx＊*×]{6,18})")
PHONE = re.compile(r"(?:联系电话|电话|手机号码|手机|联系方式)\s*[:：]?\s*(?P<phone>[\d\-－+＋ ]{7,20})")
USCC = re.compile(r"(?:统一社会信用代码|社会信用代码|信用代码)\s*[:：]?\s*(?:为)?\s*"
                  r"(?P<code>[0-9A-Za-z０-９Ａ-Ｚ*＊]{18})")
#: 注册号320100400019845 (the pre-2015 business registration number, 13 or 15 digits)
REGISTRATION_NUMBER = re.compile(r"(?:工商)?注册号(?:码)?\s*[:：]?\s*(?:为)?\s*"
                                 r"(?P<number>[0-9０-９*＊]{13,15})(?![0-9０-９])")
#: 组织机构代码10661739-1 (GB 11714, before the USCC: 8 characters and a check character)
ORG_CODE = re.compile(r"组织机构代码(?:证)?(?:号)?\s*[:：]?\s*(?:为)?\s*"
                      r"(?P<code>[0-9A-Za-z０-９Ａ-Ｚ]{8}\s*[-－—]?\s*[0-9A-Za-z０-９Ａ-Ｚ])(?![0-9A-Za-z０-９])")
OCCUPATION = re.compile(r"^(?:职业|职务|工作单位)\s*[:：]?\s*(?P<occupation>.+)$")
OCCUPATIONS = frozenset({"工人", "农民", "无业", "无固定职业", "退休", "退休职工", "退休工人", "职工",
                         "个体", "个体户", "务工", "务农", "自由职业", "居民", "学生", "干部", "司机"})

# ---------------------------------------------------------------------------- agents

#: 北京安博（上海）律师事务所律师 / 南京市法律援助中心指派律师 / 江西康乐律师事务所实习律师 /
#: 安阳市文峰区法律援助工作站律师 (a legal-aid workstation, the centre's branch in a district or court);
#: 湖北衡法***事务所律师, 山东多***师事务所律师 (a mirror's name mask that swallowed 律 or 律师 of 律师事务所)
FIRM = re.compile(rf"(?P<firm>[^,，。;；:：]{{2,40}}?(?:律师事务所|律师所|法律援助中心|法律援助工作站|法律援助站|"
                  rf"法律援助处|法律服务所|法律服务中心|[*＊×]{{1,6}}师?事务所))(?:[{LP}][^{LP}{RP}]{{1,10}}[{RP}])?"
                  r"(?P<title>[^,，。;；]{0,14})")
#: (原告之子) / 系张攀登之父 / 系**年弟弟 / 原告的妻子
RELATIVE = re.compile(r"之?(?:父亲|母亲|儿子|女儿|丈夫|妻子|配偶|哥哥|姐姐|弟弟|妹妹|兄弟|姐妹|兄长|姐夫|妹夫|"
                      r"嫂子|弟媳|堂兄|堂弟|堂哥|堂姐|堂妹|表兄|表哥|表弟|表姐|表妹|叔父|舅父|姑父|姨父|监护人|家属|"
                      r"祖父|祖母|外祖父|外祖母|孙子|孙女|外孙|儿媳|女婿|侄子|侄女|外甥|叔叔|伯父|姑姑|"
                      r"舅舅|姨|岳父|岳母|公公|婆婆|亲属|亲戚|近亲属|之父|之母|之子|之女|之夫|之妻|之兄|"
                      r"之弟|之姐|之妹|父|母|子|女|夫|妻|兄|弟|姐|妹)$|之(?:父|母|子|女|夫|妻|兄|弟|姐|妹)")
EMPLOYEE = re.compile(r"员工|职工|工作人员|职员|雇员|会计|出纳|经理|主管|人事|法务|主任|董事|监事|股东|"
                      r"该公司|该厂|该单位|本单位|本公司|公司|单位|[^,，]{0,6}长$")
AUTHORITY = re.compile(r"(?P<authority>特别授权|一般代理|一般授权)")

# ---------------------------------------------------------------------------- body landmarks

#: a claim written as one sentence with no colon: ``申请人李某请求依法确认…存在劳动关系。``
#: ``原告王某请求依法判令：被告支付…`` / ``申请人李某请求裁决：…``
INLINE_CLAIM = r"(?:申请人|原告)[^，,。；;:：\n]{0,6}?请求(?=(?:依法)?(?:确认|判令|裁决|判决|责令))"

#: (an agreement is the operative part when it is announced: ``达成如下协议``, ``达成以下协议``,
#: ``达成协议如下``, ``达成调解协议：``, ``达成协议，内容如下``, or followed by its first item;
#: ``因工伤双方达成协议`` in an evidence list or the story is an earlier agreement, not this
#: document's outcome)
LANDMARK = re.compile(
    r"(?=[诉仲上起再申请辩答述称经审本认判裁决达调协人代首书原])"  # first characters: lets the scan skip ahead
    r"(?:(?P<claims>诉讼请求|仲裁请求|上诉请求|起诉请求|再审请求|申请请求|请求事项|申请再审称|上诉称|诉称|申请称|"
    r"请求(?:依法)?(?:判令|裁决)|请求(?=为?\s*[:：])|请求(?<=[。\n：:]请求)(?=(?:依法)?确认)|" + INLINE_CLAIM + ")"
    r"|(?P<defence>辩称|辩解称|答辩称|答辩意见|述称|答辩[:：]|辩解[:：]|(?<=[人司厂局])称(?=\s*[:：,，])|(?<=意见)称(?=\s*[:：,，]))"
    r"|(?P<facts>经审理查明|审理查明|本院查明|本委查明|本会查明|经查明|认定事实如下|认定如下|经审理认定)"
    r"|(?P<reasoning>本院认为|本委认为|本会认为|仲裁委认为|本庭认为|仲裁庭认为|本院再审认为)"
    r"|(?P<operative>(?:判决|裁决|裁定|决定)如下|(?<![未能法有])达成了?(?:如下|以下)(?:调解)?协议|"
    r"(?<![未能法有])达成(?:调解)?协议(?=\s*(?:如下|[:：]|[，,]?\s*(?:\n|[一1][、.．])|"
    r"[，,]\s*(?:具体|主要)?(?:内容|条款)如下|。[ \t　]*[一1][、.．]))|调解协议如下|"
    r"协议如下)"
    r"|(?P<tail>审\s*判\s*长|审\s*判\s*员|人民陪审员|代理审判员|首席仲裁员|仲\s*裁\s*员|书\s*记\s*员))")

#: 本院于2016年12月2日立案 / 本委于2020年3月1日受理
FILING = re.compile(r"(?:于|在)\s*(?P<date>[12１２][09０９]\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                    r"\s*(?:立案|受理|收到|向本院提起|向本委(?:提出|申请)|提起诉讼|申请仲裁)")
#: 于2017年3月1日公开开庭 / 2017年3月1日开庭审理
HEARING = re.compile(r"(?P<date>[12１２][09０９]\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:(?:依法)?"
                     r"(?:公开|不公开)?(?:开庭|进行了?开庭|进行了?审理|进行了?仲裁庭审))")
SIMPLE_PROCEDURE = re.compile(r"适用简易程序|适用小额诉讼程序|简易程序")
ORDINARY_PROCEDURE = re.compile(r"适用普通程序|组成合议庭|转为普通程序|普通程序")

#: 经本院传票传唤未到庭 / 经合法传唤未到庭参加诉讼 / 缺席审理 / 拒不到庭
ABSENCE = re.compile(r"未到庭|拒不到庭|未出庭|缺席(?:审理|判决|审判|裁决|仲裁|开庭)?|未参加庭审|未参加仲裁庭审")

# ---------------------------------------------------------------------------- claims, period

AMOUNT = re.compile(r"(?P<value>\d+(?:[,，]\d{3})*(?:\.\d+)?)\s*(?P<unit>万元|万|元)")
FEES = re.compile(r"受理费|诉讼费|仲裁费|案件费|鉴定费|保全费|公告费")
MONEY_CLAIM = re.compile(r"工资|加班费|经济补偿|赔偿金|双倍|报酬|津贴|医疗费|伤残|待遇|补助金|赔偿|补偿金|欠款|"
                         r"违约金|抚恤金|丧葬费")
#: a pension purpose: 补缴, 养老 (养老保险, 老有所养), and retirement as something to be done
#: (``为办理退休手续``, ``享受退休待遇``, ``至今无法退休``, ``影响其办理退休``) - not retirement as an
#: event of the story (``工作至2018年8月退休``, ``原告退休后被告拖欠工资``): a wage claim tells that
#: too, and it states no purpose of the suit
PURPOSE = re.compile(r"补缴|养老|老有所养|(?:办理|办|无法|不能|未能|影响|耽误|延误)[^,，。；;]{0,6}退休|"
                     r"退休(?:手续|待遇)")
#: (old state and collective workers' stories start as the planned economy hired them:
#: ``1985年3月招工进厂``, ``被招工到被告处``, ``接班进厂`` / ``顶替其父进厂``, ``参加工作``,
#: ``1985年被分配到某某客运公司``)
EMPLOYMENT_VERB = re.compile(r"开始|聘用|聘请|招用|招聘|招录|录用|雇佣|雇用|入职|上班|到[^,，。；;]{0,20}工作|"
                             r"进入|务工|受雇|从事|在[^,，。；;]{0,20}工作|工作至|参加工作|"
                             r"进厂|入厂|招工|招收|招入|招进|接班|顶替|分配(?:到|至|进|工作)")
#: (... and end as the 1990s-2000s restructuring ended them: ``2000年6月下岗``, ``买断工龄``,
#: ``内退`` / ``内部退养``, ``待岗`` / ``离岗`` (sent home, no longer working), ``被辞退``,
#: ``被除名`` / ``开除``)
END_VERB = re.compile(r"离职|辞职|离开|解除|终止|停止工作|退休|止[,，。；;]|为止|"
                      r"下岗|买断|内退|内部退养|待岗|离岗|辞退|除名|开除|退职")
#: the employer's own end, which ends its staff's employment with it: ``2012年6月被告破产``,
#: ``…企业改制``, ``…被吊销营业执照``, ``…停产``, ``…被兼并`` (a workforce's periods end at the
#: closure or restructuring, docs/domain.md §3.3 E4)
CLOSURE = re.compile(r"破产|注销|吊销|改制|关闭|关停|停产|停业|歇业|解散|清算|兼并|倒闭")
#: ... unless the worker stayed on: ``2010年被告停产，原告留守看厂至2015年``
CARRIED_ON = re.compile(r"继续|仍在|仍然|留守|留用|转入|划入|转到|并入")
#: 2015年12月17日至2016年1月14日 / 从1979年至2021年 / 自2001年3月起至2015年12月止
PERIOD = re.compile(r"(?P<start>[12１２][09０９]\d{2}\s*年(?:\s*\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日?)?)?)\s*"
                    r"(?:起|开始)?\s*(?:至|到|—|－|-|~|～)\s*(?:被告|被申请人|企业|单位|公司|该厂|该公司)?"
                    r"\s*(?:今|现在|(?P<end>[12１２][09０９]\d{2}\s*年"
                    r"(?:\s*\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?)?)|(?P<end_month>\d{1,2}\s*月份?"
                    r"(?:\s*\d{1,2}\s*日)?))")
#: (``2014年4月25至10月15日``: a day without 日, and an end in the same year without the year;
#: ``1998年3月至被告2012年6月停产时止``: the employer named before its end)

#: 自2001年3月起 / 在2023年9月4日存在劳动关系 (a claim naming one date)
SINGLE_DATE = re.compile(r"(?P<mark>自|从|于|在)\s*(?P<date>[12１２][09０９]\d{2}\s*年(?:\s*\d{1,2}\s*月份?"
                         r"(?:\s*\d{1,2}\s*日)?)?)\s*(?P<since>起|开始|以来|至今)?")

# ---------------------------------------------------------------------------- response

#: (an employer that "supports" the claim agrees to it: ``被申请人称：支持申请人的仲裁请求``,
#: ``支持原告的诉讼请求`` - not ``不予支持``, nor the evidence boilerplate ``为支持其诉讼请求``)
NO_OBJECTION = re.compile(r"无异议|没有异议|不持异议|未提出?(?:任何)?异议|未提(?:出)?反对|无意见|没有意见|"
                          r"没有其他意见|(?<![不未])同意[^,，。；;]{0,20}(?:请求|诉请|诉求|主张|意见)|均予认可|"
                          r"(?<![不未])同意确认|"
                          r"(?<![不未予为])支持[^,，。；;]{0,12}(?:请求|诉请|诉求|主张)")
ADMISSION = re.compile(r"认可|承认|属实|确认[^,，。；;]{0,20}劳动关系|确实在[^,，。；;]{0,20}工作|予以确认|"
                       r"(?<![不未])(?<![称张述])(?<![称张述]其)(?:确曾|曾经|曾)在[^,，。；;]{0,20}(?:工作|上班|务工)|"
                       r"是我(?:公司|单位|厂)的?(?:员工|职工)|确系[^,，。；;]{0,12}(?:员工|职工)|"
                       r"(?:确实|的确|确)存在[^,，。；;]{0,6}劳动关系")
#: an admission of part of the claim (``对原告的诉讼请求部分认可``): never a plain no-objection;
#: partial when the part admitted is the relationship, else a contest. Courts also print the
#: answer as a verdict on the worker's story - ``原告所述部分属实``, ``原告陈述部分不属实`` -
#: see :data:`PARTLY_FACTS`
PARTLY = re.compile(r"部分(?:予以)?(?:认可|同意|承认|无异议|没有异议|属实|不属实|不实|与事实不符)")
#: part of the worker's *story* true (``原告所述部分属实``): in a confirmation suit the story is
#: the employment itself (when, where, what work), so an employer who calls it partly true admits
#: the work and disputes its details - partial, unless it denies the relationship outright
PARTLY_FACTS = re.compile(r"部分(?:属实|不属实|不实|与事实不符)")
#: the defences real employers plead in confirmation suits (the generator's answers always say
#: 不存在劳动关系; real ones name the relationship they say it was): ``双方系劳务关系``,
#: ``系雇佣关系``, ``承揽关系``, ``挂靠关系``, ``帮工关系`` - each a relationship that is *not* a labour
#: relationship (not negated: ``并非劳务关系``, ``而非雇佣关系`` say the opposite)
_OTHER_RELATION = r"(?<!非)(?<!不是)(?<!不属于)(?:劳务|雇佣|雇用|承揽|承包|帮工|合作|挂靠)关系"
#: a dispute of the period only, the work itself granted: ``原告实际入职时间为2008年``,
#: ``入职时间应为2008年3月``, ``原告实际于2008年入职``, ``中间有中断`` / ``工作时断时续`` - what an
#: old worker's real employer says of a story dated back to the 1980s (not ``未中断``, ``没有间断``)
_PERIOD_DISPUTE = (r"实际(?:入职|入厂|进厂|上班|工作|用工|开始工作)(?:的)?(?:时间|日期)|"
                   r"实际(?:于|从|自)[^,，。；;]{0,12}(?:入职|入厂|进厂|上班|开始工作|工作)|"
                   r"(?:入职|入厂|进厂|上班|工作|用工|离职|离厂|起止|起始|开始|终止|结束)(?:的)?(?:时间|日期)"
                   r"应(?:当|该)?(?:为|是|自|从)|"
                   r"(?<![未无不])(?<!没有)(?:中断|间断)|时断时续|"
                   r"(?:才|(?<![告双对我甲乙各人司])方)(?:到|来|进)[^,，。；;]{0,12}(?:工作|上班|务工)")
PERIOD_DISPUTE = re.compile(_PERIOD_DISPUTE)
#: the claimed period called wrong (``入职时间与实际不符``, ``工作期间与事实不符``): a dispute of the
#: period that grants nothing by itself (``已超过仲裁时效，且原告主张的工作期间与事实不符`` contests);
#: beside "no objection to the rest" and a granted start (``系2014年才到我处工作``) it is partial
PERIOD_WRONG = re.compile(r"(?:入职|入厂|进厂|上班|工作|用工|离职|离厂|起止|起始|开始|终止|结束)(?:的)?"
                          r"(?:时间|日期|期间)[^,，。；;]{0,8}(?:与(?:事实|实际)不符|不属实|不实|有误|不准确)")
#: a plea, after a caveat, that the employer cannot pay what is claimed (``同意确认劳动关系，但公司
#: 现已停产，没有能力支付原告主张的款项``): the relationship granted, the money not - but not the
#: social-insurance back-payment (``无力承担补缴养老保险的费用``): that plea leaves the 补缴 to the
#: applicant, as a bought confirmation does, and is no dispute of the claim
CANNOT_PAY = re.compile(r"(?:但|然而|不过|只是)[^。；;]{0,30}?(?:无力|没有能力|无能力|无法|不能)"
                        r"(?:为[^。；;，,]{0,6})?(?:支付|偿还|给付|承担|赔偿|缴纳)"
                        r"(?![^。；;，,]{0,12}(?:补缴|保险|社保))")
#: (a plea that the employer cannot pay - ``认可拖欠工资的事实，但因经营困难暂无力支付`` - admits the
#: debt: an admission; after an agreement to the relationship it is partial, :data:`CANNOT_PAY`; a claim for money the employer says has no basis, is
#: miscounted or was paid - ``加班费没有依据``, ``经济补偿金计算有误``, ``已足额支付工资，不欠原告
#: 工资`` - is contested)
CONTEST = re.compile(r"不同意|不认可|不予认可|不承认|否认|不存在[^,，。；;]{0,10}劳动关系|没有劳动关系|无劳动关系|"
                     r"并非|驳回|不应支持|不予支持|无事实(?:和|及|与)?法律依据|没有事实(?:和|及|与)?法律依据|"
                     r"缺乏事实(?:和|及|与)?(?:法律)?依据|过高|不应(?:支付|承担)|"
                     r"不属实|与事实不符|有异议|提出异议|不服|维持原判|时效|不是[^,，。；;]{0,10}(?:员工|职工)|"
                     r"从未|不符合|不成立|拒绝|"
                     r"没有依据|无依据|缺乏依据|依据不足|证据不足|有误|(?:不能|无法|不足以)证明|"
                     r"不欠|已(?:经)?(?:足额|全部|按时|按月)?(?:支付|发放|结清)|"
                     rf"{_OTHER_RELATION}|不(?:构成|属于)[^,，。；;]{{0,10}}劳动关系|"
                     rf"{_PERIOD_DISPUTE}")

#: what the employer may admit while contesting the rest (a partial admission): the
#: relationship, the work or its period - ``对工作期间无异议``, ``对劳动关系无异议``,
#: ``原告确实在被告处工作``
ADMITTED_RELATION = re.compile(r"劳动关系|工作期间|工作时间|用工|入职|在职|工作经历|工作年限|"
                               r"在[^,，。；;]{0,20}工作|是我(?:公司|单位|厂)|(?:员工|职工)身份|"
                               r"确系[^,，。；;]{0,12}(?:员工|职工)")
#: a contest that denies the relationship itself (not only the money or the time bar)
#: (a re-employed retiree's work - ``退休返聘`` - is by law no labour relationship; nor is work
#: done under another's licence, ``挂靠``)
DENIED_RELATION = re.compile(r"不存在[^,，。；;]{0,10}劳动关系|没有劳动关系|无劳动关系|不是[^,，。；;]{0,10}"
                             r"(?:员工|职工)|从未|劳务关系|承揽|雇佣关系|合作关系|不认识|"
                             rf"{_OTHER_RELATION}|不(?:构成|属于)[^,，。；;]{{0,10}}劳动关系|返聘|挂靠")
#: a defence by the worker's status, a contest only when the employer admits or agrees to
#: nothing else (``原告系临时工``, ``原告系挂靠在被告处的司机``, ``原告系退休返聘人员``,
#: ``原告已达到法定退休年龄``, ``原告已领取养老金``): an employer that also agrees
#: (``原告系我厂临时工，同意确认劳动关系``, ``原告所述属实，原告已达到法定退休年龄``) has
#: not contested - a sham's employer tells the same age
STATUS_DEFENCE = re.compile(r"临时工|临时帮工|零工|挂靠|返聘|(?:已|早已|已经)(?:达到|超过|满|届满)"
                            r"[^,，。；;]{0,6}退休年龄|(?:已|已经)(?:办理|享受|领取)[^,，。；;]{0,8}"
                            r"(?:退休|养老)")

# ---------------------------------------------------------------------------- evidence

#: documentary evidence of employment cited anywhere in a document (claims, facts, answers)
#: (also the forms courts print for the same records: a social-insurance agency's 个人权益记录单,
#: 参保证明 or 缴费清单, a bank's 账户交易明细 or 对账单, a wage 存折, a labour bureau's 用工登记备案
#: or 就业登记, an employer's 职工名册, 入职登记表, 工资签收单 or 收入证明, a 厂牌 or 胸卡)
EVIDENCE_WORDS = re.compile(  # every branch starts with a literal: the scan skips ahead fast
    r"(?:招工(?:登记|审批|录用)?表|工资(?:发放)?(?:表|单|条|卡|花名册|册|签名表|签收|存折|支付凭证)|"
    r"职工(?:档案|花名册|名册)|员工名册|花名册|入职登记|"
    r"档案|社保(?:缴费)?记录|养老保险[^,，。；;]{0,6}(?:记录|登记卡|手册|凭证|对账单)|缴费记录|"
    r"缴费(?:证明|清单|明细)|参保(?:证明|记录|缴费)|权益记录|对账单|交易明细|银行(?:交易)?流水|"
    r"劳动(?:合同|手册)|考勤(?:表|记录|卡)|工作证|出入证|厂牌|胸卡|工牌|收入证明|在职证明|"
    r"用工(?:登记|备案)|就业登记|录用(?:通知|审批)|证人证言|"
    # an old worker's papers: a labour bureau's 下岗证 / 再就业优惠证 / 失业证, the social-insurance
    # 登记卡, a restructuring's 安置名册 / 买断工龄协议, a wage card's or the housing fund's statements,
    # a labour contract the bureau certified (鉴证)
    r"下岗证|再就业优惠证|失业证|就业失业登记证|社会保险登记卡|社保登记卡|安置(?:名册|方案)|"
    r"买断工龄(?:协议|合同)|工资卡|银行卡(?:交易)?(?:明细|流水)|公积金(?:缴存|缴纳|账户)|鉴证)")

# ---------------------------------------------------------------------------- support

#: a body backing the worker's suit, said in the body rather than on a party line:
#: ``安阳市文峰区人民检察院支持原告起诉`` / ``…指派检察员出庭支持起诉`` / ``…总工会支持申请人申请仲裁``;
#: not support of the *claim* (``支持申请人的仲裁请求``, ``支持原告的诉讼请求``: an employer agreeing,
#: or a body deciding it), nor the evidence boilerplate ``原告为支持其诉讼请求，提交了…``
SUPPORTED_SUIT = re.compile(r"(?<![不未为予])支持[^，,。；;\n]{0,8}?(?:起诉|诉讼|仲裁)(?!的?\s*请求)")
SUPPORTING_BODY = re.compile(r"检察院|工会|法律援助|妇女联合会|妇联|残疾人联合会|残联|人民团体")

# ---------------------------------------------------------------------------- outcome

MEDIATION = re.compile(r"(?<![未能法有])达成(?:如下)?(?:调解)?协议|主持调解|经调解[,，]?\s*双方|自愿达成")
UPHELD = re.compile(r"驳回上诉[,，]?\s*维持原(?:判|判决|裁定)|维持原判")
#: a retrial or appeal keeping what it reviewed by naming it (``维持本院（2022）豫0506民初1247号民事
#: 调解书``); upheld only when nothing is revoked beside it (``撤销…第二项；维持…第一项`` changes it)
KEPT = re.compile(r"维持[^。；;]{0,50}?号[^。；;]{0,8}?(?:判决|裁定|调解书|裁决书?)")
REVERSED = re.compile(r"撤销[^。]{0,60}(?:判决|裁定|裁决|调解书)|发回[^。]{0,20}重审|改判")
WITHDRAWN = re.compile(r"准许[^。]{0,30}撤回|按撤诉处理|按撤回[^。]{0,10}处理|撤诉")
DISMISSED = re.compile(r"驳回[^。]{0,40}起诉|驳回[^。]{0,40}仲裁申请|终结[^。]{0,10}(?:审理|仲裁)")
NOT_ACCEPTED = re.compile(r"不予受理")
DENIED = re.compile(r"不存在(?:事实)?劳动关系|不构成劳动关系|驳回[^。]{0,40}(?:诉讼|仲裁|全部|其他)?(?:请求|诉请)")
CONFIRMED = re.compile(r"(?<![不未])(?:存在|具有|建立)(?:事实)?劳动(?:合同)?关系|劳动关系成立")
LOWER_RESULT = re.compile(r"(?:原审法院|一审法院|原审|一审|原判)[^。:：]{0,40}?(?:判决|裁决|判令)(?:如下)?[:：]")

# ---------------------------------------------------------------------------- cause

#: 确认劳动关系纠纷一案 / 劳动争议一案 (the longest known cause before 一案 wins)
CAUSES = ("确认劳动关系纠纷", "确认劳动关系争议", "劳动关系确认纠纷", "劳动争议纠纷", "劳动合同纠纷",
          "追索劳动报酬纠纷", "经济补偿金纠纷", "劳务派遣合同纠纷", "非全日制用工纠纷", "集体合同纠纷",
          "竞业限制纠纷", "社会保险纠纷", "养老保险待遇纠纷", "工伤保险待遇纠纷", "医疗保险待遇纠纷",
          "生育保险待遇纠纷", "失业保险待遇纠纷", "福利待遇纠纷", "人事争议", "劳务合同纠纷",
          "劳动人事争议", "劳动争议")
CAUSE = re.compile("(?P<cause>" + "|".join(sorted(CAUSES, key=len, reverse=True)) + ")")
CAUSE_GENERIC = re.compile(rf"(?:因|与|诉|的)(?P<cause>[{CJK}]{{2,10}}?(?:纠纷|争议))(?:一案|两案|系列案|"
                           r"[一二三四五六七八九十\d]+案)")
