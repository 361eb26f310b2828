package parkworld.pipeline.benchmarks.corpus;

import java.util.List;

/**
 * The vocabulary of the generated articles, written for the generator in the style of the 园区周报 news digest
 * (investment, news, policy and park briefs). No real article is reproduced: titles and sentences are templates
 * whose {@code {slots}} {@link ArticleWriter} fills from the tables below, so names of companies, figures and most
 * combinations are invented. Places are real prefecture-level cities of the parser's gazetteer, each with its
 * province, so that the enrichment has something to find.
 */
final class PhraseTables {

    private PhraseTables() {
    }

    /** A city and its province, as {@code 中山市|广东省|中山}. */
    record City(String name, String province, String shortName) {
    }

    /**
     * An industry: its name as articles use it, products, a unit of capacity, and the word in company names.
     */
    record Industry(String name, List<String> products, String capacityUnit, String companyWord) {
    }

    static final List<City> CITIES = cities(
            "北京市|北京市|北京", "上海市|上海市|上海", "天津市|天津市|天津", "重庆市|重庆市|重庆",
            "广州市|广东省|广州", "深圳市|广东省|深圳", "珠海市|广东省|珠海", "佛山市|广东省|佛山", "东莞市|广东省|东莞",
            "中山市|广东省|中山", "江门市|广东省|江门", "惠州市|广东省|惠州", "肇庆市|广东省|肇庆", "汕头市|广东省|汕头",
            "南京市|江苏省|南京", "苏州市|江苏省|苏州", "无锡市|江苏省|无锡", "常州市|江苏省|常州", "南通市|江苏省|南通",
            "扬州市|江苏省|扬州", "盐城市|江苏省|盐城", "徐州市|江苏省|徐州", "镇江市|江苏省|镇江", "泰州市|江苏省|泰州",
            "杭州市|浙江省|杭州", "宁波市|浙江省|宁波", "温州市|浙江省|温州", "嘉兴市|浙江省|嘉兴", "绍兴市|浙江省|绍兴",
            "金华市|浙江省|金华", "湖州市|浙江省|湖州", "台州市|浙江省|台州", "合肥市|安徽省|合肥", "芜湖市|安徽省|芜湖",
            "阜阳市|安徽省|阜阳", "滁州市|安徽省|滁州", "福州市|福建省|福州", "厦门市|福建省|厦门", "泉州市|福建省|泉州",
            "漳州市|福建省|漳州", "南昌市|江西省|南昌", "赣州市|江西省|赣州", "济南市|山东省|济南", "青岛市|山东省|青岛",
            "烟台市|山东省|烟台", "潍坊市|山东省|潍坊", "临沂市|山东省|临沂", "郑州市|河南省|郑州", "洛阳市|河南省|洛阳",
            "新乡市|河南省|新乡", "武汉市|湖北省|武汉", "襄阳市|湖北省|襄阳", "宜昌市|湖北省|宜昌", "长沙市|湖南省|长沙",
            "株洲市|湖南省|株洲", "岳阳市|湖南省|岳阳", "成都市|四川省|成都", "绵阳市|四川省|绵阳", "宜宾市|四川省|宜宾",
            "贵阳市|贵州省|贵阳", "遵义市|贵州省|遵义", "昆明市|云南省|昆明", "南宁市|广西壮族自治区|南宁",
            "柳州市|广西壮族自治区|柳州", "海口市|海南省|海口", "西安市|陕西省|西安", "宝鸡市|陕西省|宝鸡",
            "兰州市|甘肃省|兰州", "西宁市|青海省|西宁", "银川市|宁夏回族自治区|银川", "太原市|山西省|太原",
            "大同市|山西省|大同", "石家庄市|河北省|石家庄", "唐山市|河北省|唐山", "保定市|河北省|保定", "邢台市|河北省|邢台",
            "沧州市|河北省|沧州", "沈阳市|辽宁省|沈阳", "大连市|辽宁省|大连", "长春市|吉林省|长春", "哈尔滨市|黑龙江省|哈尔滨",
            "大庆市|黑龙江省|大庆", "呼和浩特市|内蒙古自治区|呼和浩特", "包头市|内蒙古自治区|包头",
            "乌鲁木齐市|新疆维吾尔自治区|乌鲁木齐");

    static final List<Industry> INDUSTRIES = List.of(
            new Industry("新能源汽车", List.of("新能源整车", "动力总成", "智能网联汽车零部件", "电驱动系统"), "万辆", "新能源汽车"),
            new Industry("光伏", List.of("高效光伏电池", "光伏组件", "单晶硅片", "光伏玻璃"), "吉瓦", "光伏科技"),
            new Industry("储能", List.of("储能电池", "锂电池正极材料", "储能系统集成", "钠离子电池"), "吉瓦时", "储能科技"),
            new Industry("风电", List.of("海上风电装备", "风电核心零部件", "风电机组"), "台套", "风电装备"),
            new Industry("氢能", List.of("燃料电池电堆", "电解水制氢装备", "储氢瓶"), "台套", "氢能科技"),
            new Industry("集成电路", List.of("功率半导体", "芯片封装测试", "碳化硅衬底", "晶圆制造"), "万片", "半导体"),
            new Industry("人工智能", List.of("智能算力中心", "工业软件", "大模型应用平台", "智能传感器"), "万套", "智能科技"),
            new Industry("生物医药", List.of("创新药", "高端医疗器械", "生物制剂", "体外诊断试剂"), "万盒", "生物医药"),
            new Industry("航空航天", List.of("商业卫星", "无人机整机", "航空发动机零部件", "航空复合材料"), "架", "航空科技"),
            new Industry("新材料", List.of("高性能碳纤维", "电子化学品", "特种工程塑料", "高端膜材料"), "万吨", "新材料"),
            new Industry("高端装备", List.of("工业机器人", "数控机床", "智能物流装备", "精密减速器"), "台", "智能装备"),
            new Industry("现代物流", List.of("冷链物流中心", "智慧物流园", "跨境电商分拨中心"), "万吨", "供应链"),
            new Industry("食品", List.of("乳制品", "预制菜", "功能饮料", "休闲食品"), "万吨", "食品"),
            new Industry("数字经济", List.of("数据中心", "云计算平台", "工业互联网平台", "超高清视频"), "万台", "数字科技"));

    /** First and second halves of invented brand names: 华锐, 中景, 远拓 ... */
    static final List<String> BRAND_FIRST = List.of("华", "中", "远", "天", "恒", "海", "金", "瑞", "鼎", "宏",
            "博", "嘉", "凯", "星", "联", "新", "康", "力", "国", "正", "信", "盛", "智", "旭", "泰", "普", "万", "创");

    static final List<String> BRAND_SECOND = List.of("锐", "景", "拓", "合", "达", "润", "科", "源", "晟", "辉",
            "驰", "峰", "宇", "航", "芯", "通", "誉", "诺", "安", "洲", "微", "维", "迈", "晶", "川", "邦", "图");

    static final List<String> COMPANY_FORMS = List.of("有限公司", "股份有限公司", "集团有限公司", "科技有限公司");

    static final List<String> REGIONS = List.of("华东", "华南", "华北", "华中", "西南", "西北", "长三角", "大湾区", "中国",
            "亚太");

    static final List<String> PARK_KINDS = List.of("经济技术开发区", "高新技术产业开发区", "综合保税区", "临空经济区",
            "国际合作产业园", "新区", "科技城", "港产城融合区");

    static final List<String> FOREIGN_CITIES = List.of("首尔", "大阪", "法兰克福", "布达佩斯", "迪拜", "新加坡", "曼谷",
            "吉隆坡", "列日", "芝加哥", "阿拉木图", "胡志明市", "雅加达", "马德里");

    static final List<String> UNIVERSITIES = List.of("清华大学", "浙江大学", "同济大学", "华中科技大学", "西安交通大学",
            "哈尔滨工业大学", "北京理工大学", "中国科学院", "东南大学", "四川大学", "武汉大学", "南京大学");

    static final List<String> POLICY_TOPICS = List.of("优化营商环境", "促进民营经济发展", "支持企业上市", "推动制造业数字化转型",
            "加快发展新质生产力", "稳外资稳外贸", "支持专精特新企业发展", "推进开发区高质量发展", "促进科技成果转化",
            "加强人才引进", "推动绿色低碳发展", "扩大有效投资");

    static final List<String> THEMES = List.of("创新驱动 开放合作", "数智赋能 共赢未来", "链接全球 共享机遇", "绿色发展 智造未来",
            "协同创新 融合发展", "开放包容 合作共赢");

    static final List<String> QUARTERS = List.of("第一季度", "第二季度", "第三季度", "第四季度", "上半年", "年度");

    /** Section names by kind; the first is the investment section every issue opens with. */
    static final List<String> SECTION_NAMES = List.of("招商引资", "综合资讯", "政策法规", "园区动态");

    static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六" };

    /** Titles per section kind (index in {@link #SECTION_NAMES}). */
    static final List<List<String>> TITLES = List.of(
            List.of("总投资{amount}的{company}{product}项目落户{city}",
                    "{company}{product}项目签约落地{city}",
                    "{company}{region}总部基地在{city}开业",
                    "{city}{quarter}重大项目集中开工 总投资{bigAmount}",
                    "{company}年产{capacity}{product}项目在{city}投产",
                    "{company}追加投资{amount}扩建{cityShort}生产基地",
                    "{company}与{city}签署战略合作协议 共建{industry}产业园",
                    "{park}{industry}产业园正式开园",
                    "{city}举行{industry}产业招商推介会 现场签约项目{count}个",
                    "{company}{industry}研发中心在{park}启用",
                    "{company}{region}研发制造总部项目在{park}开工",
                    "{company}{product}生产基地一期项目在{city}竣工",
                    "{province}{industry}重点项目集中签约 金额超{bigAmount}",
                    "总投资{amount}的{product}产业化项目在{park}奠基"),
            List.of("{year}中国（{cityShort}）{industry}产业博览会开幕",
                    "第{ordinal}届{industry}发展大会在{city}举行",
                    "{city}至{foreign}国际货运航线首航",
                    "{city}{industry}创新联合体揭牌成立",
                    "{park}获批国家级{industry}产业示范基地",
                    "{city}{industry}产业规模突破{scale}亿元",
                    "{university}{cityShort}研究院揭牌",
                    "{city}首趟至{foreign}国际班列发车",
                    "{year}{industry}产业链供需对接会在{city}召开",
                    "{province}{industry}产业联盟在{city}成立"),
            List.of("《{province}{industry}产业高质量发展行动方案》正式印发",
                    "《{city}关于支持{industry}发展的若干措施》发布",
                    "{province}出台{topic}实施意见",
                    "《{city}{industry}产业三年行动计划（{year}-{yearPlus2}）》发布",
                    "{city}发布{topic}十条措施",
                    "《{park}{topic}若干政策》印发"),
            List.of("{park}{month}月规上工业增加值同比增长{percent}",
                    "{park}{count}个项目集中签约",
                    "{park}举办{industry}企业供需对接会",
                    "{park}新增{count}家高新技术企业",
                    "{park}{industry}产业集群入选省级先进制造业集群"));

    /** Body sentences per section kind; they are combined with {@link #GENERAL} into paragraphs. */
    static final List<List<String>> SENTENCES = List.of(
            List.of("该项目总投资{amount}，占地面积约{acres}亩，总建筑面积{area}万平方米。",
                    "项目主要建设{product}生产线及配套设施，计划于{yearPlus1}年{month}月前建成投产。",
                    "项目达产后，预计可实现年产值{scale}亿元，年纳税{tax}亿元，新增就业岗位{jobs}个。",
                    "{companyFull}成立于{founded}年，是国内{industry}领域的龙头企业之一，产品远销{countries}个国家和地区。",
                    "近年来，{city}围绕{industry}产业链精准招商，已集聚上下游企业{firms}家。",
                    "签约仪式上，双方表示将在技术研发、人才培养、市场拓展等方面深化合作。",
                    "据介绍，项目将引进国际先进的智能化生产设备，建设数字化车间和智能工厂。",
                    "{park}相关负责人表示，将全力做好项目服务保障，推动项目早开工、早建成、早投产。",
                    "此次签约的{count}个项目涵盖{industry}、{industry2}、现代服务业等领域，签约总额{bigAmount}。",
                    "其中，外资项目{few}个，合同外资{usdAmount}。",
                    "项目一期计划投资{amount}，重点建设{product}研发中心和中试基地。",
                    "该项目是{province}今年签约的单体投资额最大的{industry}项目。",
                    "{companyFull}将把{region}总部、研发中心和结算中心同步落户{cityShort}。",
                    "项目建成后，将形成年产{capacity}{product}的生产能力。",
                    "当天，{city}还与{companyFull}等{few}家企业签订了合作协议。"),
            List.of("本届大会以“{theme}”为主题，吸引了来自{countries}个国家和地区的{firms}余家企业参展。",
                    "开幕式上，共有{count}个项目现场签约，总金额{bigAmount}。",
                    "该航线每周执飞{few}班，主要运输跨境电商货物、{product}等。",
                    "创新联合体由{companyFull}牵头，联合{university}等{few}家高校院所共同组建。",
                    "{year}年，{city}{industry}产业实现营业收入{scale}亿元，同比增长{percent}。",
                    "研究院将聚焦{industry}、{industry2}等方向，开展关键核心技术攻关。",
                    "活动期间还举办了{few}场专题论坛和{few}场项目路演。",
                    "据统计，{city}已培育{industry}领域国家级专精特新“小巨人”企业{few}家。",
                    "班列全程约{distance}公里，运行时间约{days}天，较海运节省一半以上时间。"),
            List.of("《方案》提出，到{yearPlus2}年，全省{industry}产业规模达到{scale}亿元，培育{few}家以上龙头企业。",
                    "对新引进的{industry}重大项目，按照实际投资额给予最高{tenThousands}万元奖励。",
                    "文件从财政支持、用地保障、人才引进、金融服务等方面提出{count}条具体措施。",
                    "对认定为国家级专精特新“小巨人”的企业，一次性给予{tenThousands}万元奖励。",
                    "该文件自发布之日起施行，有效期{few}年。",
                    "《措施》明确，设立规模{amount}的{industry}产业发展基金，重点支持初创期企业。",
                    "同时，建立重大项目“一事一议”机制，对特别重大的项目给予综合支持。",
                    "对企业新建研发机构，按照研发投入的{percent}给予补助，最高不超过{tenThousands}万元。",
                    "文件还提出，要加快{industry}应用场景开放，每年发布不少于{count}个示范场景。"),
            List.of("今年以来，{park}坚持项目为王，全力以赴抓招商、促投资、稳增长。",
                    "{month}月份，{park}完成固定资产投资{amount}，同比增长{percent}。",
                    "此次集中签约的项目涵盖{industry}、{industry2}等主导产业，总投资{bigAmount}。",
                    "截至目前，{park}已累计认定高新技术企业{firms}家，科技型中小企业{jobs}家。",
                    "对接会上，{count}家企业发布了技术和产品需求，现场达成合作意向{few}项。",
                    "下一步，{park}将持续优化营商环境，推动{industry}产业集群做大做强。"));

    static final List<String> GENERAL = List.of(
            "会议指出，要坚持以高质量发展为主线，持续优化营商环境，为企业发展提供更好服务。",
            "下一步，{city}将持续加大{industry}领域的招商力度，推动产业集群化、高端化发展。",
            "{year}年以来，{province}{industry}产业保持较快增长，产值同比增长{percent}。",
            "业内人士认为，这将进一步完善当地{industry}产业链条，带动上下游配套企业集聚。",
            "据了解，{park}规划面积{area}平方公里，重点发展{industry}、{industry2}等产业。",
            "{city}相关负责人表示，将以此为契机，加快构建现代化产业体系。",
            "与会嘉宾围绕产业协同、科技创新、开放合作等话题进行了深入交流。",
            "近年来，{cityShort}不断深化“放管服”改革，企业开办时间压缩至{few}个工作日以内。",
            "目前，项目前期手续已全部办结，施工单位已进场作业。",
            "活动现场还发布了{city}{industry}产业地图和重点招商项目清单。");

    /** What source names look like; every one of them ends as the parser expects of a publisher. */
    static final List<String> SOURCES = List.of("{city}政府网站", "{city}政府网站", "{city}政府网站", "{province}政府网站",
            "{province}政府网站", "{park}网站", "新华网", "人民网", "中国新闻网", "{cityShort}日报", "{province}发展改革委");

    private static List<City> cities(String... rows) {
        return java.util.Arrays.stream(rows).map((row) -> {
            String[] parts = row.split("\\|");
            return new City(parts[0], parts[1], parts[2]);
        }).toList();
    }
}
