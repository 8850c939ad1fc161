"""Traditional Chinese characters to simplified, for documents published in traditional script.

Some mirrors and a few courts' own pages print judgments in traditional characters (``勞動關係``,
``判決書``, ``號``). The parser works on simplified text, so such a document is converted one
character to one character before parsing; because the conversion never changes the length,
every offset found in the converted text is also an offset in the original.

The table covers the characters that matter for these documents (legal vocabulary, places,
common surnames and given-name characters; 1117 in all), checked against the zh-cn
character table of the zhconv package. It leaves out characters that are also ordinary
simplified characters (``乾`` in ``乾隆``, ``著``, ``藉``), and a document is converted only when
it is clearly traditional (:func:`is_traditional`), so a simplified text quoting one traditional
name is left alone.
"""

from __future__ import annotations

import re

_TRADITIONAL = (
    "並佈佔併來係倆倉個們倫偉側偽傑傘備傢傭傳債傷僅僑僕僞僱價儀億儘償優儲兇兌兒內兩冊"
    "凍凜別則剛剝創劃劇劉劍劑勁動務勞勢勳勵勸勻匯匱區協卹卻厭厲參叢吳員問啓啟喚喪單嗎"
    "嘆嘗嘩噴噸嚇嚴囑國圍園圓圖團執堅報場塊塗塵墊壇壓壞壩壯壺壽夠夢夾奧奪奮妝妳婁婦婭"
    "媽嬌嬰孫學孿實寧審寫寬寵寶將專尋對導屆屍層屬岡島峽崗嶺嶽巒巖帥師帳帶幣幫幹幾庫廂"
    "廈廚廟廠廢廣廬廳弒張強彈彌彎彙彥後徑從復徵徹恆恥悅悵悶惡惱惻愛愜態慘慣慮慶憂憑憲"
    "憶懇應懶懷懸戀戔戰戲戶挾捨掃掛採揀換揮損搖搶摟摯撈撐撥撫撲撿擁擇擊擋擔據擠擬擱擲"
    "擴擺擾攔攜攝攢攤攪敗敵數斂斃斬斷於昇時晉晝暈暢暫曆曉曠曬書會朧東杴條梟棄棗棟棧棲"
    "楊楓業極榮榿構槍槓槳樁樂樓標樞樣樸樹樺橋機橢橫檔檢櫃櫓欄權欽歎歐歛歡歲歷歸殘殤殺"
    "殼毀毆氈氣氫汙決沒沖況涼淚淨淺減渦測湊湧湯準溝溫溼滄滅滬滯滲滷滾滿漁漢漬漲漿潔潛"
    "潤潰澀澆澤濁濃濕濟濤濰濱濺瀉瀏瀕瀾灑灘灣災為烏無煉煙煩熗熱燈燒燙營燦燭爐爛爭爲爺"
    "爾牆牘牽犢犧狀狹猶獄獅獎獨獰獲獸獻玀現瑣瑤瑩瑪環璽瓊瓏產甦畝畢畫異當疇疊瘋瘡療癒"
    "癡癢發皺盜盞盡監盤盧眾睜睞瞞矚矯硯碩確碼磚礎礙礦祕祿禍禎禦禪禮禱稅稈稟種稱穌積穎"
    "穩穫窩窮窯竄竅竊競筆筍筧箋箏節範築篩簍簡簽簾籃籌籤籮粵糝糞糧糴糾紀紂約紅紆紈紉紋"
    "納紐紓純紗紙級紛紜紡紮細紳紹終組絆結絕絞絡給絨統絲絹綁綏經綜綞綠綢綫維綱網綴綺緊"
    "緒線緝緞締緣編緩緬緯練縉縣縫縮縱縷總績繃織繞繡繩繪繫繳繼續纏罰罵罷羅羈羨義習翹耬"
    "聖聞聯聰聲聳聶職聽肅脅脫腦腫腳膚膠膽臉臏臟臨臺與興舉舊舖艙艦艱艷莊莖華萊萬葉葦葷"
    "蒼蓆蓋蓮蔔蔣蔭蕩蕭薑薦藍藝藥蘆蘇蘊蘋蘭處虛虜號蝕蝦螞螢蟲蟻蠅蠟蠶衆衊術衛衝衞袞裏"
    "補裝裡製複褲褻襪襯見規覓視親覺覽觀觸訂計訊討訓託記訛訝訟訣訪設許訴診註証詐詞詠詢"
    "試詩詭話該詳誇誌認誘語誠誣誤說誰課誼調談請諒論諧諭諮諸諾謀謂謄謊謎謙講謝謠謹證譏"
    "識譚譜譯議護譽讀變讒讓讚讞豈豎豐豬貓貝貞負財貢貧貨貫責貴貶買貸費貼貿賀賃賄資賈賊"
    "賒賓賜賞賠賢賣賤賦質賬賭賴賺購賽贈贊贍贏贓贖贛贜趕趙趨跡踐蹤蹺躍軀車軌軍軟軸較載"
    "輔輕輛輝輩輪輯輸轄轉轎轟辦辭辯農迴這連週進遊運過達違遙遜遞遠適遲遷選遺遼邁還邊邏"
    "郟郵鄉鄒鄔鄖鄧鄭鄰鄲鄺醜醫醬釀釋釘針釣鈍鈔鈕鈞鈣鈴鉅鉗鉛銀銅銘銜銳銷鋁鋅鋒鋤鋪鋸"
    "鋼錄錘錢錦錨錫錯錶鍋鍍鍛鍵鍾鎖鎬鎮鏈鏟鏡鏽鐘鐵鐸鑄鑑鑒鑰鑽長門閃閆閉開閑閒間閘閣"
    "閥閩閱閻闆闊闌闖關闡陘陝陣陰陳陸陽隊階隕際隨險隱隴隸隻雖雙雛雜雞離難雲電霧靈靜韁"
    "韋韌韓韻響頁頂頃項順須頌預頑頒頓頗領頭頸頻顆題額顏願顛類顧顯風颱颶飄飛飢飯飲飽餅"
    "養餓餘館饋饑饒馬馭馮馳駁駐駕駛駱騁騎騙騰騷驅驕驗驚驛驟驢髒體髮鬆鬢鬥鬧鬱魚魯鮑鮮"
    "鯉鯨鱗鳥鳳鳴鴉鴨鴻鴿鵑鵝鵬鶯鶴鷹鹹鹽麗麥麩麵麼麽黃黨黴黿鼴齊齋齒齡龍龐龔龜"
)
_SIMPLIFIED = (
    "并布占并来系俩仓个们伦伟侧伪杰伞备家佣传债伤仅侨仆伪雇价仪亿尽偿优储凶兑儿内两册"
    "冻凛别则刚剥创划剧刘剑剂劲动务劳势勋励劝匀汇匮区协恤却厌厉参丛吴员问启启唤丧单吗"
    "叹尝哗喷吨吓严嘱国围园圆图团执坚报场块涂尘垫坛压坏坝壮壶寿够梦夹奥夺奋妆你娄妇娅"
    "妈娇婴孙学孪实宁审写宽宠宝将专寻对导届尸层属冈岛峡岗岭岳峦岩帅师帐带币帮干几库厢"
    "厦厨庙厂废广庐厅弑张强弹弥弯汇彦后径从复征彻恒耻悦怅闷恶恼恻爱惬态惨惯虑庆忧凭宪"
    "忆恳应懒怀悬恋戋战戏户挟舍扫挂采拣换挥损摇抢搂挚捞撑拨抚扑捡拥择击挡担据挤拟搁掷"
    "扩摆扰拦携摄攒摊搅败敌数敛毙斩断于升时晋昼晕畅暂历晓旷晒书会胧东锨条枭弃枣栋栈栖"
    "杨枫业极荣桤构枪杠桨桩乐楼标枢样朴树桦桥机椭横档检柜橹栏权钦叹欧敛欢岁历归残殇杀"
    "壳毁殴毡气氢污决没冲况凉泪净浅减涡测凑涌汤准沟温湿沧灭沪滞渗卤滚满渔汉渍涨浆洁潜"
    "润溃涩浇泽浊浓湿济涛潍滨溅泻浏濒澜洒滩湾灾为乌无炼烟烦炝热灯烧烫营灿烛炉烂争为爷"
    "尔墙牍牵犊牺状狭犹狱狮奖独狞获兽献猡现琐瑶莹玛环玺琼珑产苏亩毕画异当畴叠疯疮疗愈"
    "痴痒发皱盗盏尽监盘卢众睁睐瞒瞩矫砚硕确码砖础碍矿秘禄祸祯御禅礼祷税秆禀种称稣积颖"
    "稳获窝穷窑窜窍窃竞笔笋笕笺筝节范筑筛篓简签帘篮筹签箩粤糁粪粮籴纠纪纣约红纡纨纫纹"
    "纳纽纾纯纱纸级纷纭纺扎细绅绍终组绊结绝绞络给绒统丝绢绑绥经综缍绿绸线维纲网缀绮紧"
    "绪线缉缎缔缘编缓缅纬练缙县缝缩纵缕总绩绷织绕绣绳绘系缴继续缠罚骂罢罗羁羡义习翘耧"
    "圣闻联聪声耸聂职听肃胁脱脑肿脚肤胶胆脸膑脏临台与兴举旧铺舱舰艰艳庄茎华莱万叶苇荤"
    "苍席盖莲卜蒋荫荡萧姜荐蓝艺药芦苏蕴苹兰处虚虏号蚀虾蚂萤虫蚁蝇蜡蚕众蔑术卫冲卫衮里"
    "补装里制复裤亵袜衬见规觅视亲觉览观触订计讯讨训托记讹讶讼诀访设许诉诊注证诈词咏询"
    "试诗诡话该详夸志认诱语诚诬误说谁课谊调谈请谅论谐谕咨诸诺谋谓誊谎谜谦讲谢谣谨证讥"
    "识谭谱译议护誉读变谗让赞谳岂竖丰猪猫贝贞负财贡贫货贯责贵贬买贷费贴贸贺赁贿资贾贼"
    "赊宾赐赏赔贤卖贱赋质账赌赖赚购赛赠赞赡赢赃赎赣赃赶赵趋迹践踪跷跃躯车轨军软轴较载"
    "辅轻辆辉辈轮辑输辖转轿轰办辞辩农回这连周进游运过达违遥逊递远适迟迁选遗辽迈还边逻"
    "郏邮乡邹邬郧邓郑邻郸邝丑医酱酿释钉针钓钝钞钮钧钙铃巨钳铅银铜铭衔锐销铝锌锋锄铺锯"
    "钢录锤钱锦锚锡错表锅镀锻键钟锁镐镇链铲镜锈钟铁铎铸鉴鉴钥钻长门闪闫闭开闲闲间闸阁"
    "阀闽阅阎板阔阑闯关阐陉陕阵阴陈陆阳队阶陨际随险隐陇隶只虽双雏杂鸡离难云电雾灵静缰"
    "韦韧韩韵响页顶顷项顺须颂预顽颁顿颇领头颈频颗题额颜愿颠类顾显风台飓飘飞饥饭饮饱饼"
    "养饿余馆馈饥饶马驭冯驰驳驻驾驶骆骋骑骗腾骚驱骄验惊驿骤驴脏体发松鬓斗闹郁鱼鲁鲍鲜"
    "鲤鲸鳞鸟凤鸣鸦鸭鸿鸽鹃鹅鹏莺鹤鹰咸盐丽麦麸面么么黄党霉鼋鼹齐斋齿龄龙庞龚龟"
)
_TABLE = dict(zip(_TRADITIONAL, _SIMPLIFIED, strict=True))
_ANY_TRADITIONAL = re.compile("[" + _TRADITIONAL + "]")
_SAMPLE = 3000


def traditional_count(text: str) -> int:
    """How many different characters of the table occur in the first 3,000 of ``text``."""
    return len(set(_ANY_TRADITIONAL.findall(text, 0, _SAMPLE)))


def is_traditional(text: str) -> bool:
    """True when ``text`` is written in traditional script (not a quoted traditional name).

    Ten different tabled characters in the sample, or at least four in a short text.
    """
    distinct = traditional_count(text)
    return distinct >= 10 or (distinct >= 4 and len(text) < 400)


def to_simplified(text: str) -> str:
    """``text`` with every tabled traditional character replaced; the length is unchanged."""
    return _ANY_TRADITIONAL.sub(lambda m: _TABLE[m.group()], text)
